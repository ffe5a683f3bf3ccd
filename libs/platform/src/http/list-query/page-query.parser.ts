import { InvalidInputError, type Violation } from '@servertree/ddd';
import type { PageRequest } from '@servertree/ddd';
import { parseListQuery } from './list-query.parser';
import type { QueryParams } from './query-params';

/** A list without fields: nothing to filter or sort on, only pages to turn. */
const NO_FIELDS = {};

/**
 * `limit` and `offset` alone, for sequences with a fixed order (an aggregate's history). They
 * follow exactly the rules of every list, so the list parser reads them; any other parameter
 * is a 400 naming it, as on a list. Every problem is reported at once.
 */
export function parsePageQuery(params: QueryParams): PageRequest {
  const { limit, offset, ...others } = params;
  const violations: Violation[] = Object.keys(others).map((name) => ({
    field: name,
    message: `${name} is not a known parameter; only limit and offset are accepted`,
  }));
  try {
    const criteria = parseListQuery({ limit, offset }, NO_FIELDS);
    if (violations.length === 0) return { limit: criteria.limit, offset: criteria.offset };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    violations.push(...error.violations);
  }
  throw new InvalidInputError(violations);
}
