/**
 * Raw query results differ by driver: mysql2 returns DATETIME as Date and TINYINT as number,
 * better-sqlite3 returns TypeORM's datetime text (UTC, `YYYY-MM-DD HH:MM:SS.SSS`) and 0/1.
 * Read models go through these so they look the same on both.
 */
export function timestampFrom(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

export function booleanFrom(value: boolean | number | string): boolean {
  return value === true || value === 1 || value === '1';
}

/**
 * A JSON aggregate (Dialect.jsonArrayOf): mysql2 answers it parsed, better-sqlite3 as text; over
 * no rows MySQL/MariaDB answer NULL where SQLite answers `[]`.
 */
export function jsonArrayFrom<Item>(value: string | readonly Item[] | null): Item[] {
  if (value === null) return [];
  return typeof value === 'string' ? (JSON.parse(value) as Item[]) : [...value];
}
