export * from './violations';
export * from './in-memory-aggregate-store';
export * from './fixed-clock';
export * from './failures-of';
