export * from './application-directory';
