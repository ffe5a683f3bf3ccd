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
  for (const { field, direction } of criteria.ordering) {
    const column = columnOf(field, mapping);
    if (typeof column !== 'string') {
      throw new Error(`list field ${field} is sortable but mapped to a custom predicate`);
    }
    qb.addOrderBy(column, direction === 'asc' ? 'ASC' : 'DESC');
  }
  // limit/offset, not take/skip: the query is raw, with no entity joins to page around.
  return qb.limit(criteria.limit).offset(criteria.offset);
}

/** Schema and mapping disagreeing is a programming error, not the client's. */
function columnOf(field: string, mapping: SqlListMapping): ColumnMapping {
  if (!Object.hasOwn(mapping.columns, field)) {
    throw new Error(`list field ${field} has no SQL mapping`);
  }
  return mapping.columns[field];
}
