/**
 * What a client asked of a list, already validated against the resource's ListSchema. Pure data:
 * the application layer builds it from query parameters and the persistence layer turns it into
 * SQL, so neither needs to know about the other.
 */

/** How a field's query values are parsed and compared. */
export type FieldType = 'string' | 'integer' | 'datetime' | 'boolean' | 'uuid';

/**
 * Filter operators, written as the parameter suffix (`ramMb__gte`): not, contains, starts with
 * and the four range comparisons. `exact` is the bare field name (`ramMb=2048`).
 */
export type Lookup = 'exact' | 'n' | 'ic' | 'isw' | 'gt' | 'gte' | 'lt' | 'lte';

export type FilterValue = string | number | boolean | Date;

/**
 * One filter parameter, e.g. `ramMb__gte=2048`. Repeating a parameter ORs its values, with one
 * deliberate reading for `n`: `name__n=a&name__n=b` means "neither a nor b". Read literally as
 * "not a, or not b" it would match every row, which no client can have meant.
 */
export interface FieldFilter {
  readonly field: string;
  readonly lookup: Lookup;
  readonly values: readonly FilterValue[];
}

export interface SortOrder {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

export interface ListCriteria {
  /** ANDed with each other. */
  readonly filters: readonly FieldFilter[];
  /** Substrings of the name, ORed; empty when the client did not search. */
  readonly search: readonly string[];
  /** Always ends with a unique field (`id`), so paging is stable. */
  readonly ordering: readonly SortOrder[];
  readonly limit: number;
  readonly offset: number;
}

/** One page of a list; `total` counts every item that matches, not only those on this page. */
export interface Page<T> {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly T[];
}

/** Which slice of an ordered sequence the client asked for. */
export type PageRequest = Pick<ListCriteria, 'limit' | 'offset'>;
