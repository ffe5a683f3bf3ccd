import { requireList } from '@servertree/ddd';

/**
 * Servers one bulk command may change. A bulk change is one transaction: its write set must
 * stay well inside what a Galera cluster certifies in one piece (see the README), and its
 * request inside the 1 MiB body limit.
 */
export const MAX_SERVERS_PER_BATCH = 1000;

/** The entries of a bulk request (`items`, `ids`): 1 to 1,000 of them. */
export function requireServerBatch(field: string, value: unknown): readonly unknown[] {
  return requireList(field, value, 1, MAX_SERVERS_PER_BATCH);
}
