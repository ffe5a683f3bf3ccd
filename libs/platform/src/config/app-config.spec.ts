import { join } from 'node:path';
import { AppConfig } from './app-config';
import { ConfigurationError } from './configuration.error';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    AppConfig.fromEnvironment(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('AppConfig', () => {
  it('runs on embedded defaults when nothing is configured (outside production)', () => {
    const config = AppConfig.fromEnvironment({ DATA_DIR: '/tmp/st' });
    expect(config).toMatchObject({
      environment: 'development',
      port: 3000,
      database: { kind: 'sqlite', path: join('/tmp/st', 'servertree.sqlite') },
      broker: undefined,
      runMigrations: true,
      outboxLeaseSeconds: 5,
      auth: { hs256Secret: undefined, rs256PublicKey: undefined },
    });
  });

  it('logs pretty only for a person at a terminal outside production, JSON otherwise', () => {
    const format = (env: Record<string, string>, terminal: boolean) =>
      AppConfig.fromEnvironment({ DATA_DIR: '/tmp/st', ...env }, terminal).observability.logFormat;
    expect(format({}, true)).toBe('pretty');
    expect(format({}, false)).toBe('json');
    expect(format({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(format({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'mysql://u:p@db:3306/servertree',
      RABBITMQ_URL: 'amqp://guest:guest@mq:5672',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      CREDENTIALS_KEY: 'k',
    };
    expect(format(production, true)).toBe('json');
  });

  it('reads the observability settings, and names a bad one', () => {
    const config = AppConfig.fromEnvironment({
      DATA_DIR: '/tmp/st',
      METRICS_TOKEN: 'scrape',
      READINESS_BROKER_GRACE_SECONDS: '5',
    });
    expect(config.observability).toMatchObject({
      metricsToken: 'scrape',
      brokerOutageGraceMs: 5000,
    });
    expect(AppConfig.fromEnvironment({ DATA_DIR: '/tmp/st' }).observability).toMatchObject({
      metricsToken: undefined,
      brokerOutageGraceMs: 60_000,
    });
    expect(problemsOf({ LOG_FORMAT: 'xml', READINESS_BROKER_GRACE_SECONDS: '-1' })).toEqual([
      'LOG_FORMAT must be one of json, pretty (got "xml")',
      'READINESS_BROKER_GRACE_SECONDS must be an integer between 0 and 86400 (got "-1")',
    ]);
  });

  it('reads the real settings', () => {
    const config = AppConfig.fromEnvironment({
      DATABASE_URL: 'mysql://u:p@db:3306/servertree',
      RABBITMQ_URL: 'amqp://guest:guest@mq:5672',
      RABBITMQ_EXCHANGE: 'custom.events',
      CREDENTIALS_PREVIOUS_KEYS: ' a , b ,',
      PORT: '8080',
    });
    expect(config.database).toEqual({
      kind: 'mysql',
      url: 'mysql://u:p@db:3306/servertree',
      poolSize: 20,
    });
    expect(config.broker).toEqual({
      url: 'amqp://guest:guest@mq:5672',
      exchange: 'custom.events',
      queuePrefix: 'servertree',
    });
    expect(config.credentials.previousKeys).toEqual(['a', 'b']);
    expect(config.port).toBe(8080);
  });

  it('names every bad variable at once, without echoing URLs that may hold passwords', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'postgres://u:secret@db/x',
      MIGRATIONS_RUN: 'yes',
      LOG_LEVEL: 'verbose',
      AUTH_JWT_SECRET: 'short',
    });
    expect(problems).toEqual([
      'DATABASE_URL must be a mysql or mariadb:// URL (got scheme "postgres")',
      'AUTH_JWT_SECRET must be at least 32 characters long',
      'PORT must be an integer between 0 and 65535 (got "eighty")',
      'MIGRATIONS_RUN must be "true" or "false" (got "yes")',
      'LOG_LEVEL must be one of error, warn, log, debug (got "verbose")',
    ]);
    expect(problems.join(' ')).not.toContain('secret');
  });

  it('insists on real settings in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL is required when NODE_ENV=production',
      'RABBITMQ_URL is required when NODE_ENV=production',
      'AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY is required when NODE_ENV=production',
      'CREDENTIALS_KEY is required when NODE_ENV=production',
    ]);
  });
});
