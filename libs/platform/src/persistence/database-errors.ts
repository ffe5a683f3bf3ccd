/**
 * Driver-specific error shapes, recognised in one place. TypeORM wraps driver errors in
 * QueryFailedError and keeps the original as `driverError`.
 */
interface DriverError {
  code?: string;
  errno?: number;
}

function driverErrorOf(error: unknown): DriverError {
  const wrapped = error as { driverError?: DriverError } & DriverError;
  return wrapped?.driverError ?? wrapped ?? {};
}

/** A unique index refused the row: MySQL/MariaDB ER_DUP_ENTRY, SQLite UNIQUE constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const { code } = driverErrorOf(error);
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'SQLITE_BUSY',
]);

/** The database could not be reached or is shutting down: a 503, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code } = driverErrorOf(error);
  if (code !== undefined && UNREACHABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /connection (is in closed state|lost)|can't add new command when connection is in closed state|Pool is closed/i.test(
    message,
  );
}
