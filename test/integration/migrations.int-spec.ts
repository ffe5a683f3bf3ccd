import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dialect } from '@servertree/platform';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { createTestDatabase, TestDatabase } from '../support/mariadb';

/**
 * The same migrations must build, tear down and rebuild the schema on both databases, and the
 * schema must enforce what the spec puts on the database (unique among non-discarded rows).
 */
describe.each(['mysql', 'sqlite'] as const)('migrations on %s', (kind) => {
  let dataSource: DataSource;
  let database: TestDatabase | undefined;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'servertree-migrations-'));
    database = kind === 'mysql' ? await createTestDatabase('migrations') : undefined;
    const config = database
      ? { kind: 'mysql' as const, url: database.url, poolSize: 2 }
      : { kind: 'sqlite' as const, path: join(dir, 'db.sqlite') };
    dataSource = await new DataSource(
      Dialect.of(config).dataSourceOptions({ migrations }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function tables(): Promise<string[]> {
    const rows: { name: string }[] =
      kind === 'mysql'
        ? await dataSource.query(
            'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
          )
        : await dataSource.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          );
    return rows
      .map((r) => r.name)
      .filter((name) => name !== 'migrations')
      .sort();
  }

  it('applies every migration, reverts them all, and applies them again', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => new m().name));
    expect(await tables()).toEqual(expect.arrayContaining(['applications', 'outbox']));

    for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration();
    expect(await tables()).toEqual([]);

    await dataSource.runMigrations();
    expect(await tables()).toEqual(expect.arrayContaining(['applications', 'outbox']));
  });

  it('enforces application identity among live rows only, case-insensitively', async () => {
    const insert = (id: string, name: string, discarded: number) =>
      dataSource.query(
        `INSERT INTO applications (id, name, version, architecture, revision, created_at, updated_at, discarded)
         VALUES (?, ?, '1', 'x86_64', 1, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000', ?)`,
        [id, name, discarded],
      );
    await insert('00000000-0000-7000-8000-000000000001', 'Same', 1);
    await insert('00000000-0000-7000-8000-000000000002', 'same', 1);
    await insert('00000000-0000-7000-8000-000000000003', 'SAME', 0);
    await expect(insert('00000000-0000-7000-8000-000000000004', 'same', 0)).rejects.toThrow();
  });
});
