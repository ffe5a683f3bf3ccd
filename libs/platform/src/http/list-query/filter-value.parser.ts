import type { FieldType, FilterValue, Lookup } from '@servertree/ddd';
import { parseIsoDateTime } from './iso-date-time';

/** A parsed value, or what the value should have looked like (`must be an integer`). */
export type ParsedValue = { readonly value: FilterValue } | { readonly problem: string };

const INTEGER = /^-?\d+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One query value of a filter on a field of the given type. */
export function parseFilterValue(raw: string, type: FieldType, lookup: Lookup): ParsedValue {
  switch (type) {
    case 'string':
      // Every text contains and starts with the empty string: such a filter is surely a mistake.
      return raw === '' && (lookup === 'ic' || lookup === 'isw')
        ? { problem: 'must not be empty' }
        : { value: raw };
    case 'integer':
      return INTEGER.test(raw) && Number.isSafeInteger(Number(raw))
        ? { value: Number(raw) }
        : { problem: 'must be an integer' };
    case 'boolean':
      return raw === 'true' || raw === 'false'
        ? { value: raw === 'true' }
        : { problem: 'must be true or false' };
    case 'datetime': {
      const instant = parseIsoDateTime(raw);
      return instant
        ? { value: instant }
        : {
            problem:
              'must be an ISO 8601 date or date-time with zone, e.g. 2026-01-31 or 2026-01-31T10:00:00Z',
          };
    }
    case 'uuid':
      // Ids are stored in lower case; normalising here keeps the comparison exact everywhere.
      return UUID.test(raw)
        ? { value: raw.toLowerCase() }
        : { problem: 'must be a UUID (8-4-4-4-12 hexadecimal digits)' };
  }
}
