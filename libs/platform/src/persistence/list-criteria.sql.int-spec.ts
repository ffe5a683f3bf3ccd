import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/mariadb';
import type { ListSchema } from '@servertree/ddd';
import type { QueryParams } from '../http/list-query/query-params';
import { parseListQuery } from '../http/list-query/list-query.parser';
import { applyListCriteria, fetchAllInKeysetPages, fetchListPage } from './list-criteria.sql';
import type { ColumnMap, SqlListMapping } from './sql-list-mapping';

/**
 * The same scenarios on both databases the service runs on, from query string to rows, to show
 * that a list answers identically whichever one is behind it.
 */

const SCHEMA = {
  id: { type: 'uuid' },
  name: { type: 'string' },
  ramMb: { type: 'integer' },
  createdAt: { type: 'datetime' },
  discarded: { type: 'boolean' },
  applicationId: { type: 'uuid', sortable: false },
} as const satisfies ListSchema;

const APP_A = '0190a5b2-0000-7000-8000-00000000000a';
const APP_B = '0190a5b2-0000-7000-8000-00000000000b';

const MAPPING: SqlListMapping = {
  columns: {
    id: 'i.id',
    name: 'i.name',
    ramMb: 'i.ram_mb',
    createdAt: 'i.created_at',
    discarded: 'i.discarded',
    applicationId: (lookup, placeholders) =>
      `${lookup === 'n' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM item_applications ia ` +
      `WHERE ia.item_id = i.id AND ia.application_id IN (${placeholders.join(', ')}))`,
  } satisfies ColumnMap<typeof SCHEMA>,
  searchColumn: 'i.name',
};

const id = (n: number) => `0190a5b2-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** Ids deliberately out of creation order, so the id tie-break is visible. */
const ROWS = [
  { id: id(5), name: 'web-1', ramMb: 2048, createdAt: '2026-01-01 10:00:00.000', apps: [APP_A] },
  {
    id: id(2),
    name: 'WEB-2',
    ramMb: 4096,
    createdAt: '2026-01-02 10:00:00.000',
    apps: [APP_A, APP_B],
  },
  { id: id(7), name: 'db-1', ramMb: 8192, createdAt: '2026-01-03 10:00:00.250', apps: [] },
  { id: id(1), name: 'api', ramMb: 2048, createdAt: '2026-01-04 10:00:00.000', apps: [APP_B] },
  { id: id(6), name: 'cache', ramMb: null, createdAt: '2026-01-05 10:00:00.000', apps: [] },
  {
    id: id(3),
    name: 'old-web',
    ramMb: 2048,
    createdAt: '2026-01-06 10:00:00.000',
    apps: [APP_A],
    discarded: true,
  },
  { id: id(8), name: 'promo_50%', ramMb: null, createdAt: '2026-01-07 10:00:00.000', apps: [] },
  { id: id(4), name: 'promoX50Y', ramMb: null, createdAt: '2026-01-08 10:00:00.000', apps: [] },
  { id: id(9), name: 'alert!\\back', ramMb: null, createdAt: '2026-01-09 10:00:00.000', apps: [] },
];

const NOT_DISCARDED = ROWS.filter((row) => !row.discarded).map((row) => row.name);

interface Dialect {
  readonly name: string;
  open(): Promise<DataSource>;
  /** Releases what open() created beyond the data source. */
  close(): Promise<void>;
  readonly tables: readonly string[];
}

let mariadb: TestDatabase | undefined;

const DIALECTS: readonly Dialect[] = [
  {
    name: 'MariaDB',
    async open() {
      mariadb = await createTestDatabase('list_criteria');
      return new DataSource({ type: 'mysql', url: mariadb.url, timezone: 'Z' }).initialize();
    },
    close: async () => mariadb?.drop(),
    tables: [
      `CREATE TABLE items (
         id CHAR(36) NOT NULL PRIMARY KEY,
         name VARCHAR(255) COLLATE utf8mb4_unicode_ci NOT NULL,
         ram_mb INT NULL,
         created_at DATETIME(3) NOT NULL,
         discarded BOOLEAN NOT NULL)`,
      `CREATE TABLE item_applications (
         item_id CHAR(36) NOT NULL,
         application_id CHAR(36) NOT NULL,
         PRIMARY KEY (item_id, application_id))`,
    ],
  },
  {
    name: 'SQLite',
    open: () => new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize(),
    close: async () => undefined,
    tables: [
      `CREATE TABLE items (
         id CHAR(36) NOT NULL PRIMARY KEY,
         name VARCHAR(255) COLLATE NOCASE NOT NULL,
         ram_mb INTEGER NULL,
         created_at DATETIME NOT NULL,
         discarded BOOLEAN NOT NULL)`,
      `CREATE TABLE item_applications (
         item_id CHAR(36) NOT NULL,
         application_id CHAR(36) NOT NULL,
         PRIMARY KEY (item_id, application_id))`,
    ],
  },
];

describe.each(DIALECTS)('list criteria in SQL on $name', (dialect) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await dialect.open();
    for (const statement of dialect.tables) await dataSource.query(statement);
    for (const row of ROWS) {
      await dataSource.query(
        'INSERT INTO items (id, name, ram_mb, created_at, discarded) VALUES (?, ?, ?, ?, ?)',
        [row.id, row.name, row.ramMb, row.createdAt, row.discarded ? 1 : 0],
      );
      for (const app of row.apps) {
        await dataSource.query(
          'INSERT INTO item_applications (item_id, application_id) VALUES (?, ?)',
          [row.id, app],
        );
      }
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dialect.close();
  });

  const itemsQuery = () =>
    dataSource.createQueryBuilder().select('i.name', 'name').from('items', 'i');

  async function page(params: QueryParams): Promise<{ total: number; names: string[] }> {
    const criteria = parseListQuery(params, SCHEMA);
    const { total, rows } = await fetchListPage<{ name: string }>(itemsQuery(), criteria, MAPPING);
    return { total, names: rows.map((row) => row.name) };
  }

  const names = async (params: QueryParams) => (await page(params)).names;

  it('lists what is not discarded, oldest first, by default', async () => {
    expect(await page({})).toEqual({ total: 8, names: NOT_DISCARDED });
  });

  describe('strings', () => {
    it('match exactly, ignoring case', async () => {
      expect(await names({ name: 'WEB-1' })).toEqual(['web-1']);
    });

    it('OR the values of a repeated parameter', async () => {
      expect(await names({ name: ['web-1', 'DB-1'] })).toEqual(['web-1', 'db-1']);
    });

    it('exclude every value of n', async () => {
      expect(await names({ name__n: ['web-1', 'DB-1'] })).toEqual(
        NOT_DISCARDED.filter((name) => name !== 'web-1' && name !== 'db-1'),
      );
    });

    it('contain a substring, ignoring case', async () => {
      expect(await names({ name__ic: 'EB' })).toEqual(['web-1', 'WEB-2']);
      expect(await names({ name__ic: ['eb-1', 'che'] })).toEqual(['web-1', 'cache']);
    });

    it('start with a prefix, ignoring case', async () => {
      expect(await names({ name__isw: 'We' })).toEqual(['web-1', 'WEB-2']);
      expect(await names({ name__isw: 'eb' })).toEqual([]);
    });

    it('compare in case-insensitive order', async () => {
      // In byte order "web-1" > "wEB-2" too ("e" > "E"), so it would be in the first answer.
      expect(await names({ name__gte: 'wEB-2' })).toEqual(['WEB-2']);
      expect(await names({ name__gt: 'WEB-1' })).toEqual(['WEB-2']);
      expect(await names({ name__lt: 'B' })).toEqual(['api', 'alert!\\back']);
      expect(await names({ name__lte: 'API' })).toEqual(['api', 'alert!\\back']);
    });

    it('treat % and _ as literal characters', async () => {
      expect(await names({ name__ic: '%' })).toEqual(['promo_50%']);
      expect(await names({ name__ic: 'o_5' })).toEqual(['promo_50%']);
      expect(await names({ name__ic: '_50%' })).toEqual(['promo_50%']);
      expect(await names({ name__isw: 'promo_' })).toEqual(['promo_50%']);
      expect(await names({ q: '_50%' })).toEqual(['promo_50%']);
      expect(await names({ name__isw: '%' })).toEqual([]);
    });

    it('treat the LIKE escape character and backslashes as literal characters', async () => {
      expect(await names({ name__ic: 't!' })).toEqual(['alert!\\back']);
      expect(await names({ name__ic: '!\\b' })).toEqual(['alert!\\back']);
      expect(await names({ name__ic: '\\' })).toEqual(['alert!\\back']);
      expect(await names({ name__ic: '!%' })).toEqual([]);
    });

    it('are bound, never spliced into the SQL', async () => {
      expect(await names({ name: "' OR 1=1 --" })).toEqual([]);
      expect(await names({ name__ic: "') OR ('1'='1" })).toEqual([]);
    });
  });

  describe('q', () => {
    it('searches names for a substring, ignoring case', async () => {
      expect(await names({ q: 'WEB' })).toEqual(['web-1', 'WEB-2']);
    });

    it('ORs repeated values', async () => {
      expect(await names({ q: ['web', 'DB'] })).toEqual(['web-1', 'WEB-2', 'db-1']);
    });

    it('ANDs with filters', async () => {
      expect(await names({ q: 'web', ramMb__gt: '2048' })).toEqual(['WEB-2']);
    });
  });

  describe('integers', () => {
    it('match exactly, ORing repeated values', async () => {
      expect(await names({ ramMb: '2048' })).toEqual(['web-1', 'api']);
      expect(await names({ ramMb: ['2048', '8192'] })).toEqual(['web-1', 'db-1', 'api']);
    });

    it('compare as numbers', async () => {
      expect(await names({ ramMb__gt: '2048' })).toEqual(['WEB-2', 'db-1']);
      expect(await names({ ramMb__gte: '4096' })).toEqual(['WEB-2', 'db-1']);
      expect(await names({ ramMb__lt: '4096' })).toEqual(['web-1', 'api']);
      expect(await names({ ramMb__lte: '4096' })).toEqual(['web-1', 'WEB-2', 'api']);
      // As text, "10000" < "2048"; as numbers it is above all of them.
      expect(await names({ ramMb__lt: '10000' })).toEqual(['web-1', 'WEB-2', 'db-1', 'api']);
    });

    it('AND different parameters on the same field', async () => {
      expect(await names({ ramMb__gte: '2048', ramMb__lt: '8192' })).toEqual([
        'web-1',
        'WEB-2',
        'api',
      ]);
    });

    it('include rows without a value in n, and only there', async () => {
      expect(await names({ ramMb__n: '2048' })).toEqual([
        'WEB-2',
        'db-1',
        'cache',
        'promo_50%',
        'promoX50Y',
        'alert!\\back',
      ]);
      expect(await names({ ramMb__n: ['2048', '4096', '8192'] })).toEqual([
        'cache',
        'promo_50%',
        'promoX50Y',
        'alert!\\back',
      ]);
      expect(await names({ ramMb__lt: '1000000' })).not.toContain('cache');
    });
  });

  describe('date-times', () => {
    it('match an instant exactly, to the millisecond', async () => {
      expect(await names({ createdAt: '2026-01-03T10:00:00.250Z' })).toEqual(['db-1']);
      expect(await names({ createdAt: '2026-01-03T10:00:00Z' })).toEqual([]);
    });

    it('compare as instants, whatever the zone of the value', async () => {
      expect(await names({ createdAt__gt: '2026-01-03T12:00:00.249+02:00' })).toEqual(
        NOT_DISCARDED.slice(2),
      );
      expect(await names({ createdAt__gt: '2026-01-03T10:00:00.250Z' })).toEqual(
        NOT_DISCARDED.slice(3),
      );
      expect(await names({ createdAt__gte: '2026-01-03T10:00:00.250Z' })).toEqual(
        NOT_DISCARDED.slice(2),
      );
      expect(await names({ createdAt__lt: '2026-01-02' })).toEqual(['web-1']);
      expect(await names({ createdAt__lte: '2026-01-02T05:00:00-05:00' })).toEqual([
        'web-1',
        'WEB-2',
      ]);
    });

    it('exclude with n', async () => {
      expect(await names({ createdAt__n: '2026-01-01T10:00:00Z' })).toEqual(NOT_DISCARDED.slice(1));
    });
  });

  describe('discarded', () => {
    it('gives only discarded rows when asked for discarded=true', async () => {
      expect(await names({ discarded: 'true' })).toEqual(['old-web']);
      expect(await names({ discarded__n: 'false' })).toEqual(['old-web']);
    });

    it('gives both with discarded=true&discarded=false', async () => {
      expect(await page({ discarded: ['true', 'false'] })).toEqual({
        total: ROWS.length,
        names: ROWS.map((row) => row.name),
      });
    });
  });

  describe('uuids', () => {
    it('match ids whatever their case in the query', async () => {
      expect(await names({ id: id(1).toUpperCase() })).toEqual(['api']);
      expect(await names({ id__n: [id(1), id(5), id(7)] })).toEqual(
        NOT_DISCARDED.filter((name) => !['api', 'web-1', 'db-1'].includes(name)),
      );
    });
  });

  describe('a custom EXISTS predicate', () => {
    it('finds rows with any of the values', async () => {
      expect(await names({ applicationId: APP_A })).toEqual(['web-1', 'WEB-2']);
      expect(await names({ applicationId: [APP_A, APP_B] })).toEqual(['web-1', 'WEB-2', 'api']);
    });

    it('finds rows with none of the values for n', async () => {
      expect(await names({ applicationId__n: [APP_A, APP_B] })).toEqual([
        'db-1',
        'cache',
        'promo_50%',
        'promoX50Y',
        'alert!\\back',
      ]);
    });

    it('ANDs with other filters, the discarded default included', async () => {
      expect(await names({ applicationId: APP_A, ramMb__gt: '2048' })).toEqual(['WEB-2']);
      expect(await names({ applicationId: APP_A, discarded: 'true' })).toEqual(['old-web']);
    });
  });

  describe('ordering', () => {
    /** Names of the servers that have a RAM size, in the given ordering. */
    const orderedBy = (ordering: string) => names({ ramMb__gte: '1', ordering });

    it('sorts on several fields, each in its direction', async () => {
      expect(await orderedBy('-ramMb,name')).toEqual(['db-1', 'WEB-2', 'api', 'web-1']);
    });

    it('breaks ties on id, in the direction of the last field', async () => {
      // web-1 and api share 2048 MB; api has the lower id.
      expect(await orderedBy('ramMb')).toEqual(['api', 'web-1', 'WEB-2', 'db-1']);
      expect(await orderedBy('-ramMb')).toEqual(['db-1', 'WEB-2', 'web-1', 'api']);
    });

    it('sorts strings ignoring case', async () => {
      expect(await orderedBy('name')).toEqual(['api', 'db-1', 'web-1', 'WEB-2']);
      expect(await orderedBy('-name')).toEqual(['WEB-2', 'web-1', 'db-1', 'api']);
    });

    it('sorts date-times as instants', async () => {
      expect(await names({ ordering: '-createdAt' })).toEqual([...NOT_DISCARDED].reverse());
    });

    it('puts rows without a value first when ascending, last when descending', async () => {
      expect(await names({ ordering: 'ramMb', limit: '4' })).toEqual([
        'promoX50Y',
        'cache',
        'promo_50%',
        'alert!\\back',
      ]);
      expect((await names({ ordering: '-ramMb' })).slice(-4)).toEqual([
        'alert!\\back',
        'promo_50%',
        'cache',
        'promoX50Y',
      ]);
    });

    it('sorts on id alone when asked', async () => {
      expect(await orderedBy('-id')).toEqual(['db-1', 'web-1', 'WEB-2', 'api']);
    });
  });

  describe('paging', () => {
    const sorted = { ramMb__gte: '1', ordering: 'name' };

    it('returns the requested slice and the total of all matches', async () => {
      expect(await page({ ...sorted, limit: '2', offset: '1' })).toEqual({
        total: 4,
        names: ['db-1', 'web-1'],
      });
      expect(await page({ ...sorted, limit: '2', offset: '3' })).toEqual({
        total: 4,
        names: ['WEB-2'],
      });
    });

    it('returns an empty page past the end, still with the total', async () => {
      expect(await page({ ...sorted, offset: '10' })).toEqual({ total: 4, names: [] });
    });

    it('walks the whole list page by page without repeats or gaps', async () => {
      const walked: string[] = [];
      for (let offset = 0; offset < NOT_DISCARDED.length; offset += 3) {
        walked.push(...(await names({ ordering: 'ramMb', limit: '3', offset: String(offset) })));
      }
      expect(walked).toEqual(await names({ ordering: 'ramMb' }));
      expect(new Set(walked).size).toBe(NOT_DISCARDED.length);
    });
  });

  describe('applyListCriteria', () => {
    it('keeps the caller’s own conditions and parameters', async () => {
      const criteria = parseListQuery({ name__ic: 'web', ordering: '-name' }, SCHEMA);
      const qb = itemsQuery()
        .where('i.ram_mb >= :list_0', { list_0: 4096 })
        .andWhere('i.name <> :other', { other: 'nothing' });
      const rows = await applyListCriteria(qb, criteria, MAPPING).getRawMany<{ name: string }>();
      expect(rows.map((row) => row.name)).toEqual(['WEB-2']);
    });
  });

  describe('keyset pages (exports)', () => {
    const orderings = ['', 'ramMb', '-ramMb', 'name', '-name', '-createdAt', 'ramMb,-name', '-id'];

    it.each(orderings)(
      'walk every match in the ordering "%s", limit and offset ignored, whatever the page size',
      async (ordering) => {
        const params: QueryParams = {
          ...(ordering ? { ordering } : {}),
          discarded: ['true', 'false'],
          limit: '1',
          offset: '5',
        };
        const expected = await names({ ...params, limit: '1000', offset: '0' });
        expect(expected).toHaveLength(ROWS.length);
        const criteria = parseListQuery(params, SCHEMA);
        for (const pageSize of [1, 2, 4, 100]) {
          const walked: string[] = [];
          for await (const rows of fetchAllInKeysetPages<{ name: string }>(
            itemsQuery,
            criteria,
            MAPPING,
            pageSize,
          )) {
            expect(rows.length).toBeLessThanOrEqual(pageSize);
            walked.push(...rows.map((row) => row.name));
          }
          expect(walked).toEqual(expected);
        }
      },
    );

    it('apply the filters', async () => {
      const criteria = parseListQuery({ name__ic: 'web', ordering: '-name' }, SCHEMA);
      const walked: string[] = [];
      for await (const rows of fetchAllInKeysetPages<{ name: string }>(
        itemsQuery,
        criteria,
        MAPPING,
        1,
      )) {
        walked.push(...rows.map((row) => row.name));
      }
      expect(walked).toEqual(['WEB-2', 'web-1']);
    });
  });
});
