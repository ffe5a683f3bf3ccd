import type { Lookup } from '@servertree/ddd';
import { LIKE_ESCAPE } from './like-pattern';

type Predicate = (column: string, placeholders: readonly string[]) => string;

/** Values of one filter are alternatives: the row matches when any of them does. */
const anyOf =
  (condition: (column: string, placeholder: string) => string): Predicate =>
  (column, placeholders) =>
    `(${placeholders.map((placeholder) => condition(column, placeholder)).join(' OR ')})`;

// ic and isw differ only in the LIKE pattern bound for each value.
const like = anyOf((column, pattern) => `${column} LIKE ${pattern} ESCAPE '${LIKE_ESCAPE}'`);

/**
 * The SQL condition of each lookup on a plain column, given one placeholder per value.
 *
 * NULL (an optional field left empty, e.g. a server without cpuCores) never equals, contains or
 * compares with a value, so only `n` matches it: a server with no known core count is certainly
 * "not 4 cores". Without the explicit IS NULL, SQL's three-valued logic would drop such rows.
 */
export const FIELD_PREDICATES: Readonly<Record<Lookup, Predicate>> = {
  exact: (column, placeholders) => `${column} IN (${placeholders.join(', ')})`,
  n: (column, placeholders) =>
    `(${column} IS NULL OR ${column} NOT IN (${placeholders.join(', ')}))`,
  ic: like,
  isw: like,
  gt: anyOf((column, placeholder) => `${column} > ${placeholder}`),
  gte: anyOf((column, placeholder) => `${column} >= ${placeholder}`),
  lt: anyOf((column, placeholder) => `${column} < ${placeholder}`),
  lte: anyOf((column, placeholder) => `${column} <= ${placeholder}`),
};
