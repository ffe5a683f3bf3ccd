export * from './application-directory';
export * from './application-label-limits';
