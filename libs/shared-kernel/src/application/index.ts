export * from './clock.port';
export * from './command-acknowledgement';
export * from './load-for-change';
export * from './execution-context';
