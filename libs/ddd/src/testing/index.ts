export * from './violations';
export * from './json-of';
export * from './in-memory-aggregate-store';
export * from './fixed-clock';
export * from './failures-of';
export * from './each-command-with';
