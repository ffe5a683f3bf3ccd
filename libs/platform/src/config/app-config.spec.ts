import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
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

/** The settings' problems, named, and none of them repeating the secret in a value. */
function expectProblemsNeverEchoing(env: Record<string, string>, expected: string[]): void {
  const problems = problemsOf(env);
  expect(problems).toEqual(expected);
  expect(problems.join(' ')).not.toContain('secret');
}

const KEY_A = randomBytes(32).toString('base64');
const KEY_B = randomBytes(32).toString('base64');

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
      CREDENTIALS_KEY: KEY_A,
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
      CREDENTIALS_PREVIOUS_KEYS: ` ${KEY_A} , ${KEY_B} ,`,
      PORT: '8080',
    });
    expect(config.database).toEqual({
      kind: 'mysql',
      url: 'mysql://u:p@db:3306/servertree',
      poolSize: 20,
    });
    expect(config.broker).toEqual({
      urls: ['amqp://guest:guest@mq:5672'],
      exchange: 'custom.events',
      queuePrefix: 'servertree',
    });
    expect(config.credentials.previousKeys).toEqual([KEY_A, KEY_B]);
    expect(config.port).toBe(8080);
  });

  it('takes the nodes of a broker cluster as a comma-separated list', () => {
    const config = AppConfig.fromEnvironment({
      RABBITMQ_URL: 'amqp://u:p@mq1:5672, amqp://u:p@mq2:5672,amqps://u:p@mq3:5671',
    });
    expect(config.broker?.urls).toEqual([
      'amqp://u:p@mq1:5672',
      'amqp://u:p@mq2:5672',
      'amqps://u:p@mq3:5671',
    ]);
  });

  it('names each bad node of the list by its position, without echoing it', () => {
    expectProblemsNeverEchoing(
      {
        RABBITMQ_URL: 'amqp://u:secret@mq1:5672,http://u:secret@mq2,,amqp://u:secret@mq3',
      },
      [
        'RABBITMQ_URL entry 2 must be a amqp or amqps:// URL (got scheme "http")',
        'RABBITMQ_URL entry 3 is not a valid URL',
      ],
    );
  });

  it('names every bad variable at once, without echoing URLs that may hold passwords', () => {
    expectProblemsNeverEchoing(
      {
        PORT: 'eighty',
        DATABASE_URL: 'postgres://u:secret@db/x',
        MIGRATIONS_RUN: 'yes',
        LOG_LEVEL: 'verbose',
        AUTH_JWT_SECRET: 'short',
      },
      [
        'DATABASE_URL must be a mysql or mariadb:// URL (got scheme "postgres")',
        'AUTH_JWT_SECRET must be at least 32 characters long',
        'PORT must be an integer between 0 and 65535 (got "eighty")',
        'MIGRATIONS_RUN must be "true" or "false" (got "yes")',
        'LOG_LEVEL must be one of error, warn, log, debug (got "verbose")',
      ],
    );
  });

  it('insists on real settings in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL is required when NODE_ENV=production',
      'RABBITMQ_URL is required when NODE_ENV=production',
      'AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY is required when NODE_ENV=production',
      'CREDENTIALS_KEY is required when NODE_ENV=production',
    ]);
  });

  it('names malformed credential keys together with the other bad settings, never echoing them', () => {
    expectProblemsNeverEchoing(
      {
        PORT: 'eighty',
        CREDENTIALS_KEY: 'not-a-key-secret',
        CREDENTIALS_PREVIOUS_KEYS: `${KEY_A},${randomBytes(16).toString('base64')}`,
      },
      [
        'CREDENTIALS_KEY must be a base64-encoded 32-byte key (e.g. from `openssl rand -base64 32`)',
        'CREDENTIALS_PREVIOUS_KEYS (entry 2) must be a base64-encoded 32-byte key (e.g. from `openssl rand -base64 32`)',
        'PORT must be an integer between 0 and 65535 (got "eighty")',
      ],
    );
  });

  /** The least a production configuration must set. */
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://u:p@db/x',
    RABBITMQ_URL: 'amqp://mq',
    AUTH_JWT_SECRET: 'x'.repeat(32),
    CREDENTIALS_KEY: KEY_A,
  };

  it('rate-limits 6,000 requests a minute per caller in production, nothing elsewhere unless set', () => {
    expect(AppConfig.fromEnvironment(production).rateLimitPerMinute).toBe(6000);
    expect(AppConfig.fromEnvironment({}).rateLimitPerMinute).toBe(0);
    expect(AppConfig.fromEnvironment({ RATE_LIMIT_PER_MINUTE: '120' }).rateLimitPerMinute).toBe(
      120,
    );
    expect(
      AppConfig.fromEnvironment({ ...production, RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute,
    ).toBe(0);
    expect(problemsOf({ RATE_LIMIT_PER_MINUTE: '-1' })).toEqual([
      'RATE_LIMIT_PER_MINUTE must be an integer between 0 and 10000000 (got "-1")',
    ]);
  });

  it('sheds load above 60 % of the heap limit or 1 s of event loop delay in production, never elsewhere unless set', () => {
    const heapLimitMb = getHeapStatistics().heap_size_limit / 2 ** 20;
    expect(AppConfig.fromEnvironment(production).overload).toEqual({
      maxHeapUsedMb: Math.round(heapLimitMb * 0.6),
      maxEventLoopDelayMs: 1000,
    });
    expect(AppConfig.fromEnvironment({}).overload).toEqual({
      maxHeapUsedMb: 0,
      maxEventLoopDelayMs: 0,
    });
    expect(
      AppConfig.fromEnvironment({
        ...production,
        OVERLOAD_MAX_HEAP_USED_MB: '0',
        OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '250',
      }).overload,
    ).toEqual({ maxHeapUsedMb: 0, maxEventLoopDelayMs: 250 });
    expect(
      problemsOf({ OVERLOAD_MAX_HEAP_USED_MB: '100MB', OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '-1' }),
    ).toEqual([
      'OVERLOAD_MAX_HEAP_USED_MB must be an integer between 0 and 1048576 (got "100MB")',
      'OVERLOAD_MAX_EVENT_LOOP_DELAY_MS must be an integer between 0 and 3600000 (got "-1")',
    ]);
  });

  it('allows cross-origin calls only from the origins CORS_ORIGINS lists', () => {
    expect(AppConfig.fromEnvironment({}).corsOrigins).toEqual([]);
    expect(
      AppConfig.fromEnvironment({
        CORS_ORIGINS: 'https://ops.example.com, http://localhost:5173',
      }).corsOrigins,
    ).toEqual(['https://ops.example.com', 'http://localhost:5173']);
    expect(problemsOf({ CORS_ORIGINS: 'https://ok.example.com,ftp://x,*' })).toEqual([
      'CORS_ORIGINS entries must be http(s) origins without a path, like https://ops.example.com (got "ftp://x", "*")',
    ]);
  });
});
