import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { FieldFilter, FilterValue, ListCriteria, Lookup } from '@servertree/ddd';
import { FIELD_PREDICATES } from './field-predicate';
import { containsPattern, startsWithPattern } from './like-pattern';
import type { ColumnMapping, SqlListMapping } from './sql-list-mapping';
import { parameterBinder } from './sql-parameters';

type Bind = (value: unknown) => string;

/**
 * Narrows, sorts and pages a list query as the criteria say; mutates and returns `qb`. The query
 * must give one row per listed item: to-many fields are filtered with EXISTS, not with joins.
 * Every value is a bound parameter; the SQL is the same on MySQL/MariaDB and SQLite.
 */
export function applyListCriteria<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  criteria: ListCriteria,
  mapping: SqlListMapping,
): SelectQueryBuilder<T> {
  return applyPage(applyFilters(qb, criteria, mapping), criteria, mapping);
}

/**
 * Runs a list query built like for applyListCriteria: the number of matching rows and the
 * requested page of them, as raw rows for the caller to map.
 */
export async function fetchListPage<Row>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  criteria: ListCriteria,
  mapping: SqlListMapping,
): Promise<{ total: number; rows: Row[] }> {
  const filtered = applyFilters(qb, criteria, mapping);
  const [counted, rows] = await Promise.all([
    filtered.clone().select('COUNT(*)', 'total').getRawOne<{ total: number | string }>(),
    applyPage(filtered.clone(), criteria, mapping).getRawMany<Row>(),
  ]);
  // mysql2 answers COUNT(*), a BIGINT, as a string.
  return { total: Number(counted?.total ?? 0), rows };
}

/** One sort key of a keyset: the column and which way the list runs along it. */
interface SortColumn {
  readonly column: string;
  readonly direction: 'ASC' | 'DESC';
}

/**
 * Every row that matches the criteria, in their ordering, `limit` and `offset` ignored, one
 * page of `pageSize` rows at a time (an export). Pages are keyset pages: each continues after
 * the sort key of the previous page's last row, so memory stays flat, no connection is held
 * between pages, and every page is an index range rather than an ever-growing OFFSET.
 *
 * `query` builds a fresh query each time, as for fetchListPage.
 */
export async function* fetchAllInKeysetPages<Row extends ObjectLiteral>(
  query: () => SelectQueryBuilder<ObjectLiteral>,
  criteria: ListCriteria,
  mapping: SqlListMapping,
  pageSize = 1000,
): AsyncGenerator<Row[]> {
  const keys = sortColumnsOf(criteria, mapping);
  let last: readonly unknown[] | undefined;
  for (;;) {
    const qb = applyFilters(query(), criteria, mapping);
    keys.forEach(({ column }, index) => qb.addSelect(column, `keyset_${index}`));
    if (last) qb.andWhere(afterKey(keys, last, parameterBinder(qb)));
    for (const { column, direction } of keys) qb.addOrderBy(column, direction);
    const rows = await qb.limit(pageSize).getRawMany<Row>();
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    const lastRow = rows[rows.length - 1];
    last = keys.map((_, index) => lastRow[`keyset_${index}`]);
  }
}

/**
 * Rows after `last` in the sort order: greater on the first key, or equal on it and greater on
 * the next, and so on. Both databases sort NULL first ascending and last descending, which the
 * NULL cases follow.
 */
function afterKey(keys: readonly SortColumn[], last: readonly unknown[], bind: Bind): string {
  const equal = (column: string, value: unknown) =>
    value === null ? `${column} IS NULL` : `${column} = ${bind(value)}`;
  const beyond = ({ column, direction }: SortColumn, value: unknown) => {
    if (direction === 'ASC') {
      return value === null ? `${column} IS NOT NULL` : `${column} > ${bind(value)}`;
    }
    return value === null ? '1 = 0' : `(${column} < ${bind(value)} OR ${column} IS NULL)`;
  };
  const alternatives = keys.map((key, index) =>
    [
      ...keys.slice(0, index).map(({ column }, before) => equal(column, last[before])),
      beyond(key, last[index]),
    ].join(' AND '),
  );
  const after = `(${alternatives.map((alternative) => `(${alternative})`).join(' OR ')})`;
  const bound = firstKeyBound(keys[0], last[0], bind);
  return bound ? `${bound} AND ${after}` : after;
}

/**
 * The same rows' range on the first sort key alone, redundant with `afterKey` but in a form
 * the optimizer reads as an index range, so a page does not rescan what earlier pages read.
 */
function firstKeyBound({ column, direction }: SortColumn, value: unknown, bind: Bind): string {
  if (direction === 'ASC') return value === null ? '' : `${column} >= ${bind(value)}`;
  return value === null
    ? `${column} IS NULL`
    : `(${column} <= ${bind(value)} OR ${column} IS NULL)`;
}

function applyFilters<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  criteria: ListCriteria,
  mapping: SqlListMapping,
): SelectQueryBuilder<T> {
  const bind = parameterBinder(qb);
  for (const filter of criteria.filters) {
    qb.andWhere(filterCondition(filter, mapping, bind));
  }
  if (criteria.search.length > 0) {
    const patterns = criteria.search.map((text) => bind(containsPattern(text)));
    qb.andWhere(FIELD_PREDICATES.ic(mapping.searchColumn, patterns));
  }
  return qb;
}

function filterCondition(filter: FieldFilter, mapping: SqlListMapping, bind: Bind): string {
  const placeholders = filter.values.map((value) => bind(comparand(filter.lookup, value)));
  const column = columnOf(filter.field, mapping);
  return typeof column === 'string'
    ? FIELD_PREDICATES[filter.lookup](column, placeholders)
    : `(${column(filter.lookup, placeholders)})`;
}

/** What the column is compared with: a LIKE pattern for ic and isw, else the value itself. */
function comparand(lookup: Lookup, value: FilterValue): FilterValue {
  if (lookup === 'ic') return containsPattern(String(value));
  if (lookup === 'isw') return startsWithPattern(String(value));
  return value;
}

function applyPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  criteria: ListCriteria,
  mapping: SqlListMapping,
): SelectQueryBuilder<T> {
  for (const { column, direction } of sortColumnsOf(criteria, mapping)) {
    qb.addOrderBy(column, direction);
  }
  // limit/offset, not take/skip: the query is raw, with no entity joins to page around.
  return qb.limit(criteria.limit).offset(criteria.offset);
}

function sortColumnsOf(criteria: ListCriteria, mapping: SqlListMapping): SortColumn[] {
  return criteria.ordering.map(({ field, direction }) => {
    const column = columnOf(field, mapping);
    if (typeof column !== 'string') {
      throw new Error(`list field ${field} is sortable but mapped to a custom predicate`);
    }
    return { column, direction: direction === 'asc' ? 'ASC' : 'DESC' };
  });
}

/** Schema and mapping disagreeing is a programming error, not the client's. */
function columnOf(field: string, mapping: SqlListMapping): ColumnMapping {
  if (!Object.hasOwn(mapping.columns, field)) {
    throw new Error(`list field ${field} has no SQL mapping`);
  }
  return mapping.columns[field];
}
