export * from './access-token.verifier';
export * from './auth.exceptions';
export * from './auth.guard';
export * from './auth.module';
export * from './authenticated-user';
export * from './decorators';
export * from './signing-keys';
