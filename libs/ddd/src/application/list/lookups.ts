import type { FieldType, Lookup } from './list-criteria';

/** Lookups written as a parameter suffix; an exact match is the bare field name. */
export const SUFFIX_LOOKUPS: readonly Lookup[] = ['n', 'ic', 'isw', 'gt', 'gte', 'lt', 'lte'];

/**
 * The lookups that mean something for each type: substring matching needs text, ranges need an
 * order, and uuids and booleans only have identity.
 */
export const LOOKUPS_BY_TYPE: Readonly<Record<FieldType, readonly Lookup[]>> = {
  string: ['exact', ...SUFFIX_LOOKUPS],
  integer: ['exact', 'n', 'gt', 'gte', 'lt', 'lte'],
  datetime: ['exact', 'n', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['exact', 'n'],
  uuid: ['exact', 'n'],
};

export function isSuffixLookup(suffix: string): suffix is Lookup {
  return (SUFFIX_LOOKUPS as readonly string[]).includes(suffix);
}

/** The parameter a client writes for a lookup on a field: `ramMb`, `ramMb__gte`. */
export function parameterName(field: string, lookup: Lookup): string {
  return lookup === 'exact' ? field : `${field}__${lookup}`;
}
