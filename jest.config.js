/**
 * One jest run covers every kind of test; the file suffix says which kind it is:
 *   *.spec.ts      unit tests beside the code (domain, pure functions) - no I/O
 *   *.int-spec.ts  integration tests against the real MariaDB / RabbitMQ
 *   *.e2e-spec.ts  HTTP end-to-end tests over the whole app (test/)
 * Type checking is a separate step (npm run typecheck), so ts-jest only transpiles.
 */
module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@servertree/ddd(|/testing)$': '<rootDir>/libs/ddd/src$1',
    '^@servertree/platform(|/testing)$': '<rootDir>/libs/platform/src$1',
    '^@servertree/messaging(|/testing)$': '<rootDir>/libs/messaging/src$1',
    '^@servertree/catalog(|/testing)$': '<rootDir>/libs/catalog/src$1',
    '^@servertree/servers(|/testing)$': '<rootDir>/libs/servers/src$1',
    '^@servertree/webhooks(|/testing)$': '<rootDir>/libs/webhooks/src$1',
  },
  testTimeout: 30000,
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test', '<rootDir>/migrations'],
};
