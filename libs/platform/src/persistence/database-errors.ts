import { QueryFailedError } from 'typeorm';
import { DatabaseErrorCodes, MYSQL_ERROR_CODES, SQLITE_ERROR_CODES } from './dialect';

/**
 * Driver errors recognised by code. TypeORM wraps a failed statement's driver error in
 * QueryFailedError and exposes it as the public `driverError`; errors raised outside a
 * statement (connecting) come from the driver as they are. Both dialects' codes are consulted:
 * they never overlap, and errors are classified where no dialect is at hand (the exception
 * filter, repositories mapping a duplicate to a domain error). database-errors.int-spec.ts pins
 * the shapes on both real drivers.
 */
function codeOf(error: unknown): string | undefined {
  const cause = error instanceof QueryFailedError ? error.driverError : error;
  const code = (cause as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

const DIALECTS: readonly DatabaseErrorCodes[] = [MYSQL_ERROR_CODES, SQLITE_ERROR_CODES];

function isOneOf(error: unknown, kind: keyof DatabaseErrorCodes): boolean {
  const code = codeOf(error);
  return code !== undefined && DIALECTS.some((codes) => codes[kind].includes(code));
}

/** A unique index refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  return isOneOf(error, 'uniqueViolation');
}

/** The transaction lost to a concurrent one (deadlock, Galera certification, lock wait timeout). */
export function isTransientConflict(error: unknown): boolean {
  return isOneOf(error, 'transientConflict');
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** The database could not be reached or is shutting down: a 503, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && NETWORK_CODES.has(code)) return true;
  if (isOneOf(error, 'unavailable')) return true;
  const message = error instanceof Error ? error.message : '';
  return /connection (is in closed state|lost)|can't add new command when connection is in closed state|Pool is closed/i.test(
    message,
  );
}

/**
 * A command lost to concurrent writers on every attempt the unit of work made. Nothing of it
 * was applied; the client may send it again (503 with Retry-After).
 */
export class DatabaseBusyError extends Error {
  constructor(
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`the database refused the change ${attempts} times because of concurrent writes`, {
      cause,
    });
    this.name = 'DatabaseBusyError';
  }
}
