export * from './application.mother';
export * from './in-memory-application.repository';
