export * from './fixed-application-catalogue';
export * from './reversible-password-vault';
export * from './server.mother';
export * from './field-limits';
export * from './in-memory-server.repository';
export * from './server-command-fixture';
