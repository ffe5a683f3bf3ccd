import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import type { AppConfig } from '../config/app-config';
import { ExecutionContexts } from '../context/execution-context';
import { TraceContexts } from '../tracing/trace-context';

const PINO_LEVELS = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' } as const;

/**
 * Paths pino censors wherever they appear in a logged object: request headers that carry
 * credentials, and any field named like a secret, up to three levels deep. Messages are text
 * the code writes, and it never writes a secret into one (the one exception, the development
 * admin token, is the point of that line).
 */
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'token',
  'accessToken',
  'secret',
  'key',
  'apiKey',
  'authorization',
  'cookie',
];
export const REDACTED_PATHS = SECRET_FIELDS.flatMap((field) => [
  field,
  `*.${field}`,
  `*.*.${field}`,
  `*.headers["${field}"]`,
]);

/**
 * The process's one pino logger: level from LOG_LEVEL, `time` as ISO 8601, `level` as a word,
 * and on every line written inside a request or the work it caused (commands, queries, relay
 * batches, consumer handlers) its `requestId` and `traceId`, read from the execution context
 * rather than passed along, because CQRS handlers run outside Nest's request scope.
 */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: PINO_LEVELS[config.logLevel],
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: contextFields,
  };
  return pino(options, destination ?? stdoutFor(config));
}

function contextFields(): Record<string, string> {
  if (!ExecutionContexts.isOpen()) {
    const traceId = TraceContexts.traceIdOf(TraceContexts.active());
    return traceId ? { traceId } : {};
  }
  const { correlationId, traceparent } = ExecutionContexts.current();
  const traceId = TraceContexts.traceIdOf(TraceContexts.active() ?? traceparent);
  return traceId ? { requestId: correlationId, traceId } : { requestId: correlationId };
}

/** Log lines waiting for stdout, at most (see stdoutFor). */
const LOG_BUFFER_BYTES = 16 * 1024 * 1024;

/**
 * JSON to stdout, or pino-pretty for people. pino-pretty is a development dependency: where it
 * is not installed (the production image) the lines stay JSON rather than the start failing.
 */
function stdoutFor(config: AppConfig): DestinationStream {
  if (config.observability.logFormat === 'pretty') {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pretty = require('pino-pretty') as (options: object) => DestinationStream;
      return pretty({ translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
    } catch {
      // fall through to JSON
    }
  }
  // Written asynchronously through a buffer that is bounded: when whatever reads stdout stalls,
  // lines beyond LOG_BUFFER_BYTES are dropped instead of growing the heap until the process dies.
  return pino.destination({ dest: 1, sync: false, maxLength: LOG_BUFFER_BYTES });
}
