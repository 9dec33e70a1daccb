export * from './issuer-cap';
export * from './jurisdiction';
export * from './jurisdiction-policies';
export * from './offering-period';
