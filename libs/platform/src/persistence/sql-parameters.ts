import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Binds values to a query under fresh names and answers their placeholders (`:list_0`). Names
 * already on the query are skipped, so list criteria can sit next to the caller's parameters.
 *
 * Values go in as they are: TypeORM's drivers store Date and boolean parameters the way they
 * store those columns (SQLite: UTC text `YYYY-MM-DD HH:MM:SS.SSS` and 1/0; MySQL: mysql2 writes
 * the date in the connection's timezone, which must be 'Z'), so comparisons match the stored
 * values. Converting them here as well would only duplicate the drivers.
 */
export function parameterBinder<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
): (value: unknown) => string {
  let next = 0;
  return (value) => {
    const taken = qb.getParameters();
    let name: string;
    do {
      name = `list_${next++}`;
    } while (Object.hasOwn(taken, name));
    qb.setParameter(name, value);
    return `:${name}`;
  };
}
