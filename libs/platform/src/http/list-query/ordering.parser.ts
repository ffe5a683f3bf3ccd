import type { ListSchema, SortOrder, Violation } from '@servertree/ddd';

const DEFAULT_ORDERING: readonly SortOrder[] = [{ field: 'createdAt', direction: 'asc' }];

/**
 * Ids are unique, so ending on them makes the order total: rows that tie on the requested fields
 * keep their places from one request to the next, and paging neither repeats nor skips them.
 */
const TIE_BREAKER_FIELD = 'id';

/**
 * The `ordering` parameter: `-ramMb,name` sorts by ramMb descending, then name ascending.
 * Problems go to `violations` under `ordering`.
 */
export function parseOrdering(
  rawValues: readonly string[],
  schema: ListSchema,
  violations: Violation[],
): readonly SortOrder[] {
  if (rawValues.length === 0) return withTieBreaker(DEFAULT_ORDERING);
  if (rawValues.length > 1) {
    violations.push({
      field: 'ordering',
      message: 'ordering may be given only once; separate its fields with commas',
    });
    return [];
  }

  const ordering: SortOrder[] = [];
  for (const item of rawValues[0].split(',')) {
    const descending = item.startsWith('-');
    const field = descending ? item.slice(1) : item;
    const problem = orderingProblem(field, schema, ordering);
    if (problem) violations.push({ field: 'ordering', message: problem });
    else ordering.push({ field, direction: descending ? 'desc' : 'asc' });
  }
  return withTieBreaker(ordering);
}

function orderingProblem(
  field: string,
  schema: ListSchema,
  earlier: readonly SortOrder[],
): string | undefined {
  const sortable = () =>
    Object.keys(schema)
      .filter((name) => schema[name].sortable !== false)
      .join(', ');
  if (field === '') return 'ordering has an empty field name';
  if (!Object.hasOwn(schema, field)) {
    return `ordering: ${field} is not a known field; sortable fields are: ${sortable()}`;
  }
  if (schema[field].sortable === false) {
    return `ordering: ${field} cannot be sorted on; sortable fields are: ${sortable()}`;
  }
  if (earlier.some((order) => order.field === field)) {
    return `ordering names ${field} more than once`;
  }
  return undefined;
}

/**
 * The id goes the way of the last sort field: an index on (field, id) read backwards then
 * serves `-field` as well as it serves `field`. With the id always ascending, a descending sort
 * could use no index and would sort every matching row to find one page.
 */
function withTieBreaker(ordering: readonly SortOrder[]): readonly SortOrder[] {
  if (ordering.some((order) => order.field === TIE_BREAKER_FIELD)) return ordering;
  const direction = ordering.at(-1)?.direction ?? 'asc';
  return [...ordering, { field: TIE_BREAKER_FIELD, direction }];
}
