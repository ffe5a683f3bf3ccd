export * from './clock.port';
export * from './command-acknowledgement';
export * from './load-for-change';
export * from './list/list-criteria';
export * from './list/list-schema';
export * from './list/lookups';
