import type { ListSchema, Lookup } from '@servertree/ddd';

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
