export * from './violations';
export * from './json-of';
