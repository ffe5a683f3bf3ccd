export * from './application.mother';
