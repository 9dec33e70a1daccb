export * from './clock';
export * from './domain.exception';
export * from './ids';
export * from './money';
export * from './money-format';
