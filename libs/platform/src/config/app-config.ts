import { isAbsolute, join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { BASE64_KEY_FORMAT, decodeBase64Key } from './base64-key';
import { ConfigurationError } from './configuration.error';
import { EnvReader } from './env-reader';

export type DatabaseConfig =
  | { readonly kind: 'mysql'; readonly url: string; readonly poolSize: number }
  | { readonly kind: 'sqlite'; readonly path: string };

/** Requests per minute and caller in production unless RATE_LIMIT_PER_MINUTE says otherwise. */
export const PRODUCTION_RATE_LIMIT_PER_MINUTE = 6000;

/**
 * Load shedding in production (ADR 13) starts at this share of the heap limit V8 reports for
 * this process, so that it answers 503 before V8 runs out of heap and the process dies. The
 * limit counts the young generation too: with the image's 128 MiB old-space cap it is 176 MiB,
 * and the share gives ~105 MiB. Read from the running process rather than fixed, because a
 * fixed figure would shed every request of a production process started without the cap
 * (whose heap may sit above it while V8 would grow to gigabytes).
 */
export const PRODUCTION_OVERLOAD_HEAP_SHARE = 0.6;
/** An event loop a second behind is already failing its callers' timeouts. */
export const PRODUCTION_OVERLOAD_MAX_EVENT_LOOP_DELAY_MS = 1000;

function productionHeapThresholdMb(): number {
  return Math.round(
    (getHeapStatistics().heap_size_limit / 2 ** 20) * PRODUCTION_OVERLOAD_HEAP_SHARE,
  );
}

/** The topic exchange of SPEC §4; RABBITMQ_EXCHANGE overrides it (tests use their own). */
export const DEFAULT_EXCHANGE = 'server.domain_events';

export interface BrokerConfig {
  /** The cluster's nodes (one for a single broker); reconnection goes round them in order. */
  readonly urls: readonly string[];
  readonly exchange: string;
  /** Prefix of the queues this service declares for its own consumers. */
  readonly queuePrefix: string;
}

export interface AuthConfig {
  /** HS256 shared secret; generated at start outside production when not configured. */
  readonly hs256Secret: string | undefined;
  /** RS256 public key (PEM), the alternative for tokens issued by an identity provider. */
  readonly rs256PublicKey: string | undefined;
}

export interface CredentialsConfig {
  /** Base64 AES-256 key for new ciphertexts; absent outside production = key file in dataDir. */
  readonly activeKey: string | undefined;
  /** Older keys, still accepted for decryption while ciphertexts are re-encrypted. */
  readonly previousKeys: readonly string[];
}

export interface ObservabilityConfig {
  /** `json`: one object per line for log pipelines; `pretty`: coloured text for people. */
  readonly logFormat: 'json' | 'pretty';
  /** Bearer token `/metrics` requires; unset = open (keep the port internal then). */
  readonly metricsToken: string | undefined;
  /** How long the broker may be unreachable before readiness fails (writes go on meanwhile). */
  readonly brokerOutageGraceMs: number;
}

/** When the service sheds requests (503) instead of taking on work it may not survive; 0 = off. */
export interface OverloadConfig {
  /** V8 used heap, in MiB, above which requests are shed (OVERLOAD_MAX_HEAP_USED_MB). */
  readonly maxHeapUsedMb: number;
  /** Mean event loop delay, in ms, above which requests are shed (OVERLOAD_MAX_EVENT_LOOP_DELAY_MS). */
  readonly maxEventLoopDelayMs: number;
}

/** Outgoing webhooks (SPEC §6); the timings are settings so that tests need not wait 10 s. */
export interface WebhooksConfig {
  /** Deliver to private, loopback and link-local addresses (WEBHOOKS_ALLOW_PRIVATE_TARGETS). */
  readonly allowPrivateTargets: boolean;
  /** An answer slower than this is a failed attempt (WEBHOOKS_TIMEOUT_MS, 10 s). */
  readonly timeoutMs: number;
  /** Delay before the first retry; doubled per attempt, with jitter (WEBHOOKS_RETRY_FIRST_MS). */
  readonly retryFirstMs: number;
  /** Longest delay between two attempts (WEBHOOKS_RETRY_MAX_MS, 1 h). */
  readonly retryMaxMs: number;
  /** How long a delivery is retried before it is failed (WEBHOOKS_GIVE_UP_AFTER_MS, 24 h). */
  readonly giveUpAfterMs: number;
}

/**
 * The whole configuration, read from the environment once at start. Outside production the
 * service runs with nothing configured (embedded SQLite, in-process events, generated auth
 * secret); production insists on real settings.
 */
export class AppConfig {
  readonly environment!: 'development' | 'test' | 'production';
  readonly host!: string;
  readonly port!: number;
  readonly dataDir!: string;
  readonly database!: DatabaseConfig;
  readonly runMigrations!: boolean;
  /** How long a relay's outbox lease lasts unrenewed: the bound on failover (ADR 3). */
  readonly outboxLeaseSeconds!: number;
  readonly broker!: BrokerConfig | undefined;
  readonly auth!: AuthConfig;
  readonly credentials!: CredentialsConfig;
  readonly logLevel!: 'error' | 'warn' | 'log' | 'debug';
  readonly observability!: ObservabilityConfig;
  /** Requests per minute per caller (token subject, else address); 0 = no limit. */
  readonly rateLimitPerMinute!: number;
  /** Origins allowed to call from a browser; empty = no CORS headers at all. */
  readonly corsOrigins!: readonly string[];
  readonly overload!: OverloadConfig;
  readonly webhooks!: WebhooksConfig;

  /**
   * @param stdoutIsTerminal whether a person is watching: then, outside production, logs are
   *   pretty unless LOG_FORMAT says otherwise.
   */
  static fromEnvironment(
    env: Record<string, string | undefined> = process.env,
    stdoutIsTerminal = process.stdout.isTTY === true,
  ): AppConfig {
    const read = new EnvReader(env);
    const environment = read.oneOf(
      'NODE_ENV',
      ['development', 'test', 'production'],
      'development',
    );
    const production = environment === 'production';
    const dataDir = resolveDir(read.string('DATA_DIR') ?? 'data');

    const databaseUrl = read.url('DATABASE_URL', ['mysql', 'mariadb']);
    const rabbitUrls = read.urlList('RABBITMQ_URL', ['amqp', 'amqps']);
    const hs256Secret = read.string('AUTH_JWT_SECRET');
    const rs256PublicKey = read.string('AUTH_JWT_PUBLIC_KEY');
    const activeKey = read.string('CREDENTIALS_KEY');
    const previousKeys = read.list('CREDENTIALS_PREVIOUS_KEYS');
    [
      ['CREDENTIALS_KEY', activeKey] as const,
      ...previousKeys.map(
        (key, index) => [`CREDENTIALS_PREVIOUS_KEYS (entry ${index + 1})`, key] as const,
      ),
    ].forEach(([source, key]) => {
      if (key !== undefined && !decodeBase64Key(key))
        read.fail(`${source} must be ${BASE64_KEY_FORMAT}`);
    });
    if (hs256Secret !== undefined && hs256Secret.length < 32) {
      read.fail('AUTH_JWT_SECRET must be at least 32 characters long');
    }
    if (production) {
      if (!env.DATABASE_URL) read.fail('DATABASE_URL is required when NODE_ENV=production');
      if (!env.RABBITMQ_URL) read.fail('RABBITMQ_URL is required when NODE_ENV=production');
      if (!hs256Secret && !rs256PublicKey) {
        read.fail('AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY is required when NODE_ENV=production');
      }
      if (!activeKey) read.fail('CREDENTIALS_KEY is required when NODE_ENV=production');
    }

    const config: AppConfig = Object.assign(new AppConfig(), {
      environment,
      host: read.string('HOST') ?? '0.0.0.0',
      port: read.integer('PORT', 3000, 0, 65535),
      dataDir,
      database: databaseUrl
        ? {
            kind: 'mysql',
            url: databaseUrl,
            poolSize: read.integer('DATABASE_POOL_SIZE', 20, 1, 500),
          }
        : { kind: 'sqlite', path: join(dataDir, 'servertree.sqlite') },
      runMigrations: read.boolean('MIGRATIONS_RUN', true),
      outboxLeaseSeconds: read.integer('OUTBOX_LEASE_SECONDS', 5, 1, 300),
      broker: rabbitUrls
        ? {
            urls: rabbitUrls,
            exchange: read.string('RABBITMQ_EXCHANGE') ?? DEFAULT_EXCHANGE,
            queuePrefix: read.string('RABBITMQ_QUEUE_PREFIX') ?? 'servertree',
          }
        : undefined,
      auth: { hs256Secret, rs256PublicKey },
      credentials: { activeKey, previousKeys },
      logLevel: read.oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug'], 'log'),
      observability: {
        logFormat: read.oneOf(
          'LOG_FORMAT',
          ['json', 'pretty'],
          stdoutIsTerminal && !production ? 'pretty' : 'json',
        ),
        metricsToken: read.string('METRICS_TOKEN'),
        brokerOutageGraceMs: read.integer('READINESS_BROKER_GRACE_SECONDS', 60, 0, 86_400) * 1000,
      },
      rateLimitPerMinute: read.integer(
        'RATE_LIMIT_PER_MINUTE',
        production ? PRODUCTION_RATE_LIMIT_PER_MINUTE : 0,
        0,
        10_000_000,
      ),
      corsOrigins: corsOrigins(read),
      // Outside production nothing caps the heap, and a jest worker running many apps holds
      // hundreds of MiB: shedding there would refuse requests no cap threatens.
      overload: {
        maxHeapUsedMb: read.integer(
          'OVERLOAD_MAX_HEAP_USED_MB',
          production ? productionHeapThresholdMb() : 0,
          0,
          1_048_576,
        ),
        maxEventLoopDelayMs: read.integer(
          'OVERLOAD_MAX_EVENT_LOOP_DELAY_MS',
          production ? PRODUCTION_OVERLOAD_MAX_EVENT_LOOP_DELAY_MS : 0,
          0,
          3_600_000,
        ),
      },
      webhooks: {
        allowPrivateTargets: read.boolean('WEBHOOKS_ALLOW_PRIVATE_TARGETS', false),
        timeoutMs: read.integer('WEBHOOKS_TIMEOUT_MS', 10_000, 100, 10_000),
        retryFirstMs: read.integer('WEBHOOKS_RETRY_FIRST_MS', 5_000, 10, 10_000),
        retryMaxMs: read.integer('WEBHOOKS_RETRY_MAX_MS', 3_600_000, 10, 86_400_000),
        giveUpAfterMs: read.integer('WEBHOOKS_GIVE_UP_AFTER_MS', 86_400_000, 100, 604_800_000),
      },
    } satisfies AppConfig);

    if (read.problems.length > 0) throw new ConfigurationError(read.problems);
    return config;
  }
}

function corsOrigins(read: EnvReader): string[] {
  const origins = read.list('CORS_ORIGINS');
  const invalid = origins.filter((origin) => !isHttpOrigin(origin));
  if (invalid.length > 0) {
    read.fail(
      `CORS_ORIGINS entries must be http(s) origins without a path, like https://ops.example.com (got ${invalid.map((origin) => `"${origin}"`).join(', ')})`,
    );
  }
  return origins;
}

function isHttpOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === text;
  } catch {
    return false;
  }
}

function resolveDir(dir: string): string {
  return isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
}
