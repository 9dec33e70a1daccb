export * from './eventually';
export * from './free-ports';
export * from './private-redis';
export * from './test-database';
export * from './test-redis';
export * from './test-run';
export * from './test-service';
export * from './until-healthy';
