import { InvalidInputError, type Violation } from '@servertree/ddd';
import type { FieldFilter, ListCriteria, ListSchema } from '@servertree/ddd';
import { parseFilter } from './filter.parser';
import { parseOrdering } from './ordering.parser';
import { type QueryParams, valuesOf } from './query-params';

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 1000;

/** Parameters every list takes; any other parameter is a filter. */
const LIST_PARAMETERS: readonly string[] = ['limit', 'offset', 'ordering', 'q'];

/**
 * Reads a list request (SPEC §3 "Lists") against what the resource allows. Every problem is
 * collected before throwing, so one 400 tells the client everything to fix.
 *
 * @throws InvalidInputError naming each unknown parameter, lookup or field and each bad value.
 */
export function parseListQuery(params: QueryParams, schema: ListSchema): ListCriteria {
  const violations: Violation[] = [];

  const limit = parseBoundedInteger('limit', valuesOf(params.limit), violations, {
    min: 1,
    max: MAX_LIMIT,
    fallback: DEFAULT_LIMIT,
  });
  const offset = parseBoundedInteger('offset', valuesOf(params.offset), violations, {
    min: 0,
    fallback: 0,
  });
  const ordering = parseOrdering(valuesOf(params.ordering), schema, violations);
  const search = parseSearch(valuesOf(params.q), violations);
  const filters = Object.entries(params)
    .filter(([name, raw]) => !LIST_PARAMETERS.includes(name) && valuesOf(raw).length > 0)
    .map(([name, raw]) => parseFilter(name, valuesOf(raw), schema, violations))
    .filter((filter): filter is FieldFilter => filter !== undefined);

  if (violations.length > 0) throw new InvalidInputError(violations);
  return { filters: hideDiscardedUnlessAsked(filters, schema), search, ordering, limit, offset };
}

/** `limit` and `offset`: at most once, a whole number within bounds (no upper one for offset). */
function parseBoundedInteger(
  name: string,
  rawValues: readonly string[],
  violations: Violation[],
  { min, max, fallback }: { min: number; max?: number; fallback: number },
): number {
  if (rawValues.length === 0) return fallback;
  if (rawValues.length > 1) {
    violations.push({ field: name, message: `${name} may be given only once` });
    return fallback;
  }
  const value = Number(rawValues[0]);
  const valid =
    /^\d+$/.test(rawValues[0]) &&
    Number.isSafeInteger(value) &&
    value >= min &&
    (max === undefined || value <= max);
  if (!valid) {
    const range = max === undefined ? `of ${min} or more` : `from ${min} to ${max}`;
    violations.push({ field: name, message: `${name} must be an integer ${range}` });
    return fallback;
  }
  return value;
}

/** `q` values are alternatives: a row matches when its name contains any of them. */
function parseSearch(rawValues: readonly string[], violations: Violation[]): readonly string[] {
  if (rawValues.includes('')) {
    violations.push({ field: 'q', message: 'q must not be empty' });
  }
  return rawValues;
}

/** Soft-deleted aggregates stay out of lists until the client filters on `discarded` itself. */
function hideDiscardedUnlessAsked(
  filters: readonly FieldFilter[],
  schema: ListSchema,
): readonly FieldFilter[] {
  const asked = filters.some((filter) => filter.field === 'discarded');
  if (asked || !Object.hasOwn(schema, 'discarded')) return filters;
  return [...filters, { field: 'discarded', lookup: 'exact', values: [false] }];
}
