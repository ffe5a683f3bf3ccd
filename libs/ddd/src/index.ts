/**
 * The building blocks a domain model may use - aggregate root, entity, value object, domain
 * event, domain errors, validation - and the application ports every module shares (clock,
 * list criteria). Plain TypeScript: nothing here knows Nest, TypeORM or a transport.
 */
export * from './domain';
export * from './application';
