import { InvalidInputError, type Violation } from '@servertree/ddd';
import type { FieldFilter, ListSchema } from '@servertree/ddd';
import { parseListQuery } from './list-query.parser';
import type { QueryParams } from './query-params';

const SCHEMA: ListSchema = {
  id: { type: 'uuid' },
  name: { type: 'string' },
  ramMb: { type: 'integer' },
  'operatingSystem.name': { type: 'string' },
  createdAt: { type: 'datetime' },
  discarded: { type: 'boolean' },
  applicationId: { type: 'uuid', sortable: false },
};

const HIDE_DISCARDED: FieldFilter = { field: 'discarded', lookup: 'exact', values: [false] };

function violationsOf(params: QueryParams, schema: ListSchema = SCHEMA): readonly Violation[] {
  try {
    parseListQuery(params, schema);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).violations;
  }
  throw new Error(`expected ${JSON.stringify(params)} to be rejected`);
}

/** The filters on anything but `discarded`, leaving out the implicit discarded=false. */
function filtersOf(params: QueryParams): readonly FieldFilter[] {
  return parseListQuery(params, SCHEMA).filters.filter((filter) => filter.field !== 'discarded');
}

describe('parseListQuery', () => {
  describe('defaults', () => {
    it('pages 25 from the start, oldest first, hiding discarded aggregates', () => {
      expect(parseListQuery({}, SCHEMA)).toEqual({
        filters: [HIDE_DISCARDED],
        search: [],
        ordering: [
          { field: 'createdAt', direction: 'asc' },
          { field: 'id', direction: 'asc' },
        ],
        limit: 25,
        offset: 0,
      });
    });

    it('ignores parameters whose value is undefined', () => {
      expect(parseListQuery({ limit: undefined, name: undefined }, SCHEMA)).toEqual(
        parseListQuery({}, SCHEMA),
      );
    });

    it('adds no discarded filter to a schema without that field', () => {
      expect(parseListQuery({}, { id: { type: 'uuid' } }).filters).toEqual([]);
    });
  });

  describe('limit and offset', () => {
    it.each([
      ['1', 1],
      ['1000', 1000],
      ['007', 7],
    ])('accepts limit=%s', (raw, limit) => {
      expect(parseListQuery({ limit: raw }, SCHEMA).limit).toBe(limit);
    });

    it.each(['0', '1001', '-1', '2.5', 'abc', '', ' 5', '1e2'])('rejects limit=%j', (raw) => {
      expect(violationsOf({ limit: raw })).toEqual([
        { field: 'limit', message: 'limit must be an integer from 1 to 1000' },
      ]);
    });

    it('accepts any offset of 0 or more', () => {
      expect(parseListQuery({ offset: '0' }, SCHEMA).offset).toBe(0);
      expect(parseListQuery({ offset: '123456' }, SCHEMA).offset).toBe(123456);
    });

    it.each(['-1', '1.5', 'x', '', '99999999999999999999'])('rejects offset=%j', (raw) => {
      expect(violationsOf({ offset: raw })).toEqual([
        { field: 'offset', message: 'offset must be an integer of 0 or more' },
      ]);
    });

    it('rejects limit or offset given twice', () => {
      expect(violationsOf({ limit: ['10', '20'], offset: ['0', '0'] })).toEqual([
        { field: 'limit', message: 'limit may be given only once' },
        { field: 'offset', message: 'offset may be given only once' },
      ]);
    });
  });

  describe('ordering', () => {
    it('reads a comma list with "-" for descending and ends on id', () => {
      expect(parseListQuery({ ordering: '-ramMb,name' }, SCHEMA).ordering).toEqual([
        { field: 'ramMb', direction: 'desc' },
        { field: 'name', direction: 'asc' },
        { field: 'id', direction: 'asc' },
      ]);
    });

    it('breaks ties on id in the direction of the last field, so one index serves both', () => {
      expect(parseListQuery({ ordering: 'name,-ramMb' }, SCHEMA).ordering).toEqual([
        { field: 'name', direction: 'asc' },
        { field: 'ramMb', direction: 'desc' },
        { field: 'id', direction: 'desc' },
      ]);
    });

    it('does not add id when the client already sorts on it', () => {
      expect(parseListQuery({ ordering: '-id,name' }, SCHEMA).ordering).toEqual([
        { field: 'id', direction: 'desc' },
        { field: 'name', direction: 'asc' },
      ]);
    });

    it('accepts dotted fields', () => {
      expect(parseListQuery({ ordering: 'operatingSystem.name' }, SCHEMA).ordering[0]).toEqual({
        field: 'operatingSystem.name',
        direction: 'asc',
      });
    });

    it('rejects an unknown field, naming it', () => {
      const [violation] = violationsOf({ ordering: 'name,-colour' });
      expect(violation.field).toBe('ordering');
      expect(violation.message).toMatch(/^ordering: colour is not a known field; sortable/);
    });

    it('rejects a field that cannot be sorted on, and lists those that can', () => {
      expect(violationsOf({ ordering: 'applicationId' })).toEqual([
        {
          field: 'ordering',
          message:
            'ordering: applicationId cannot be sorted on; sortable fields are: ' +
            'id, name, ramMb, operatingSystem.name, createdAt, discarded',
        },
      ]);
    });

    it('rejects a field named twice, whatever its directions', () => {
      expect(violationsOf({ ordering: 'name,-name' })).toEqual([
        { field: 'ordering', message: 'ordering names name more than once' },
      ]);
    });

    it.each(['', ',', 'name,', '-'])('rejects empty field names in %j', (raw) => {
      expect(violationsOf({ ordering: raw })).toContainEqual({
        field: 'ordering',
        message: 'ordering has an empty field name',
      });
    });

    it('rejects ordering given twice', () => {
      expect(violationsOf({ ordering: ['name', 'ramMb'] })).toEqual([
        {
          field: 'ordering',
          message: 'ordering may be given only once; separate its fields with commas',
        },
      ]);
    });

    it('does not accept prototype properties as fields', () => {
      expect(violationsOf({ ordering: 'constructor' })[0].field).toBe('ordering');
    });
  });

  describe('q', () => {
    it('keeps each value as an alternative, as given', () => {
      expect(parseListQuery({ q: 'Web' }, SCHEMA).search).toEqual(['Web']);
      expect(parseListQuery({ q: ['web', '50%_'] }, SCHEMA).search).toEqual(['web', '50%_']);
    });

    it('rejects an empty value', () => {
      expect(violationsOf({ q: ['web', ''] })).toEqual([
        { field: 'q', message: 'q must not be empty' },
      ]);
    });
  });

  describe('filters', () => {
    it('reads a bare field as an exact match', () => {
      expect(filtersOf({ name: 'web-1' })).toEqual([
        { field: 'name', lookup: 'exact', values: ['web-1'] },
      ]);
    });

    it('keeps the values of a repeated parameter together (they are ORed)', () => {
      expect(filtersOf({ ramMb: ['2048', '4096'] })).toEqual([
        { field: 'ramMb', lookup: 'exact', values: [2048, 4096] },
      ]);
    });

    it('makes one filter per parameter (they are ANDed)', () => {
      expect(filtersOf({ ramMb__gte: '1024', ramMb__lt: '8192', name__ic: 'web' })).toEqual([
        { field: 'ramMb', lookup: 'gte', values: [1024] },
        { field: 'ramMb', lookup: 'lt', values: [8192] },
        { field: 'name', lookup: 'ic', values: ['web'] },
      ]);
    });

    it('reads dotted fields with a lookup', () => {
      expect(filtersOf({ 'operatingSystem.name__isw': 'Ubu' })).toEqual([
        { field: 'operatingSystem.name', lookup: 'isw', values: ['Ubu'] },
      ]);
    });

    it.each([
      ['string', 'name', ['exact', 'n', 'ic', 'isw', 'gt', 'gte', 'lt', 'lte']],
      ['integer', 'ramMb', ['exact', 'n', 'gt', 'gte', 'lt', 'lte']],
      ['datetime', 'createdAt', ['exact', 'n', 'gt', 'gte', 'lt', 'lte']],
      ['boolean', 'discarded', ['exact', 'n']],
      ['uuid', 'applicationId', ['exact', 'n']],
    ])('allows on the %s field %s exactly its lookups', (_type, field, allowed) => {
      const sample: Record<string, string> = {
        name: 'web',
        ramMb: '1',
        createdAt: '2026-01-31',
        discarded: 'true',
        applicationId: '0190a5b2-0000-7000-8000-000000000001',
      };
      for (const lookup of ['exact', 'n', 'ic', 'isw', 'gt', 'gte', 'lt', 'lte']) {
        const parameter = lookup === 'exact' ? field : `${field}__${lookup}`;
        const query = { [parameter]: sample[field] };
        if (allowed.includes(lookup)) expect(() => parseListQuery(query, SCHEMA)).not.toThrow();
        else expect(violationsOf(query)[0].field).toBe(parameter);
      }
    });

    it('explains which lookups a field accepts', () => {
      expect(violationsOf({ ramMb__ic: '20' })).toEqual([
        {
          field: 'ramMb__ic',
          message:
            'ramMb__ic is not allowed: ramMb is of type integer; ' +
            'use ramMb, ramMb__n, ramMb__gt, ramMb__gte, ramMb__lt, ramMb__lte',
        },
      ]);
    });

    it.each(['name__xx', 'name__', 'name__exact', 'name__IC'])(
      'rejects the unknown lookup in %s, naming the parameter',
      (parameter) => {
        const [violation] = violationsOf({ [parameter]: 'web' });
        expect(violation.field).toBe(parameter);
        expect(violation.message).toContain('unknown lookup');
      },
    );

    it.each(['foo', 'foo__ic', '__ic', 'Name', 'constructor', 'toString__n'])(
      'rejects the unknown parameter %s, listing the filterable fields',
      (parameter) => {
        expect(violationsOf({ [parameter]: '1' })).toEqual([
          {
            field: parameter,
            message:
              `${parameter} is not a known parameter; filterable fields are: ` +
              'id, name, ramMb, operatingSystem.name, createdAt, discarded, applicationId',
          },
        ]);
      },
    );

    it('collects every violation before throwing', () => {
      const violations = violationsOf({
        foo: '1',
        ramMb: 'abc',
        name__xx: 'a',
        limit: '0',
        ordering: 'colour',
      });
      expect(violations.map((violation) => violation.field).sort()).toEqual(
        ['foo', 'limit', 'name__xx', 'ordering', 'ramMb'].sort(),
      );
    });
  });

  describe('values', () => {
    it.each([
      ['0', 0],
      ['-12', -12],
      ['0042', 42],
      ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ])('parses the integer %s', (raw, value) => {
      expect(filtersOf({ ramMb: raw })[0].values).toEqual([value]);
    });

    it.each(['abc', '', '1.5', '1e3', '+1', ' 1', '0x10', '9007199254740992'])(
      'rejects the integer %j, naming the parameter',
      (raw) => {
        expect(violationsOf({ ramMb__gt: raw })).toEqual([
          { field: 'ramMb__gt', message: 'ramMb__gt must be an integer' },
        ]);
      },
    );

    it('reports a malformed value once even when several values are bad', () => {
      expect(violationsOf({ ramMb: ['a', '1', 'b'] })).toEqual([
        { field: 'ramMb', message: 'ramMb must be an integer' },
      ]);
    });

    it('parses booleans', () => {
      expect(parseListQuery({ discarded: ['true', 'false'] }, SCHEMA).filters).toEqual([
        { field: 'discarded', lookup: 'exact', values: [true, false] },
      ]);
    });

    it.each(['TRUE', '1', 'yes', ''])('rejects the boolean %j', (raw) => {
      expect(violationsOf({ discarded: raw })).toEqual([
        { field: 'discarded', message: 'discarded must be true or false' },
      ]);
    });

    it.each([
      ['2026-01-31', '2026-01-31T00:00:00.000Z'],
      ['2026-01-31T10:00:00Z', '2026-01-31T10:00:00.000Z'],
      ['2026-01-31T10:00:00.123+02:00', '2026-01-31T08:00:00.123Z'],
      ['2026-01-31T10:00:00.5-05:30', '2026-01-31T15:30:00.500Z'],
      ['2026-01-31T10:00:00.123456Z', '2026-01-31T10:00:00.123Z'],
      ['2024-02-29T23:59:59+00:00', '2024-02-29T23:59:59.000Z'],
      ['0050-06-01', '0050-06-01T00:00:00.000Z'],
    ])('parses the date-time %s', (raw, instant) => {
      const [value] = filtersOf({ createdAt__gte: raw })[0].values;
      expect((value as Date).toISOString()).toBe(instant);
    });

    it.each([
      '2026-01-31T10:00:00', // no zone: whose local time?
      '2026-01-31T10:00Z', // no seconds
      '2026-01-31 10:00:00Z',
      '2026-1-31',
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-01-31T24:00:00Z',
      '2026-01-31T10:60:00Z',
      '2026-01-31T10:00:60Z',
      '2026-01-31T10:00:00+24:00',
      '2026-01-31T10:00:00.Z',
      '2026-01-31t10:00:00z',
      'Jan 31 2026',
      '1769853600000',
      '',
    ])('rejects the date-time %j', (raw) => {
      const [violation] = violationsOf({ createdAt: raw });
      expect(violation.field).toBe('createdAt');
      expect(violation.message).toMatch(/^createdAt must be an ISO 8601 date/);
    });

    it('normalises uuids to lower case', () => {
      expect(filtersOf({ applicationId: '0190A5B2-ABCD-7000-8000-00000000000F' })[0]).toEqual({
        field: 'applicationId',
        lookup: 'exact',
        values: ['0190a5b2-abcd-7000-8000-00000000000f'],
      });
    });

    it.each([
      '0190a5b2abcd70008000000000000000',
      '{0190a5b2-abcd-7000-8000-00000000000f}',
      '0190a5b2-abcd-7000-8000-00000000000g',
      '0190a5b2-abcd-7000-8000-00000000000',
    ])('rejects the uuid %s', (raw) => {
      expect(violationsOf({ id: raw })[0].message).toMatch(/^id must be a UUID/);
    });

    it('keeps strings exactly as given, even % and _', () => {
      expect(filtersOf({ name__ic: ' 50%_Off ' })[0].values).toEqual([' 50%_Off ']);
    });

    it('accepts an empty string for an exact match but not for a substring', () => {
      expect(filtersOf({ name: '' })[0].values).toEqual(['']);
      expect(violationsOf({ name__ic: '', name__isw: ['a', ''] })).toEqual([
        { field: 'name__ic', message: 'name__ic must not be empty' },
        { field: 'name__isw', message: 'name__isw must not be empty' },
      ]);
    });
  });

  describe('discarded', () => {
    it('leaves the default out once the client filters on discarded', () => {
      expect(parseListQuery({ discarded: 'true' }, SCHEMA).filters).toEqual([
        { field: 'discarded', lookup: 'exact', values: [true] },
      ]);
      expect(parseListQuery({ discarded__n: 'true' }, SCHEMA).filters).toEqual([
        { field: 'discarded', lookup: 'n', values: [true] },
      ]);
    });

    it('adds the default next to other filters', () => {
      expect(parseListQuery({ name: 'web' }, SCHEMA).filters).toEqual([
        { field: 'name', lookup: 'exact', values: ['web'] },
        HIDE_DISCARDED,
      ]);
    });
  });
});
