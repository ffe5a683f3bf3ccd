import type { ListSchema, Lookup } from '@servertree/ddd';
import { FIELD_PREDICATES } from './field-predicate';

/**
 * A filter written by hand, for a field that is not a column of the listed row: e.g. a server's
 * `applicationId` is an EXISTS over its installed applications. It gets one placeholder per
 * value (`:list_3`), already bound; for `ic`/`isw` they hold LIKE patterns meant for
 * `LIKE <placeholder> ESCAPE '!'`. It must honour the lookup, `n` meaning "none of the values".
 */
export type CustomPredicate = (lookup: Lookup, placeholders: readonly string[]) => string;

/** Where a list field lives in SQL: a column expression (`s.ram_mb`) or a custom predicate. */
export type ColumnMapping = string | CustomPredicate;

/** A mapping for every field of a schema: `satisfies ColumnMap<typeof SCHEMA>` catches gaps. */
export type ColumnMap<Schema extends ListSchema> = {
  readonly [Field in keyof Schema]: ColumnMapping;
};

/** How one resource's list fields translate to its SQL query. */
export interface SqlListMapping {
  readonly columns: Readonly<Record<string, ColumnMapping>>;
  /** The column `q` searches, e.g. `s.name`. */
  readonly searchColumn: string;
}

/**
 * A to-many field kept in a child table, e.g. a server's tags in `server_tags`: an item
 * matches when any of its child rows does (EXISTS keeps one row per item however many match),
 * and `n` when none of its rows equals any of the values.
 */
export function childRowsPredicate(
  table: string,
  foreignKey: string,
  parentKey: string,
  column: string,
): CustomPredicate {
  return (lookup, placeholders) => {
    const condition = FIELD_PREDICATES[lookup === 'n' ? 'exact' : lookup](
      `${table}.${column}`,
      placeholders,
    );
    return (
      `${lookup === 'n' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${table} ` +
      `WHERE ${table}.${foreignKey} = ${parentKey} AND ${condition})`
    );
  };
}
