/**
 * npm run bench:bulk -- [--rounds 3] [--export 100000]
 *
 * Two figures for docs/benchmarks.md, on a fresh MariaDB database of their own (dropped after):
 * - POST /servers/bulk with 1,000 servers (two tags each): wall time of the request and the
 *   SQL statements it ran, grouped by kind and table;
 * - GET /servers with `Accept: text/csv` over `--export` servers seeded straight into the
 *   tables: rows, time, and the service's RSS sampled while the CSV streams out (the client
 *   counts bytes and keeps nothing), to show that memory stays flat.
 */
import 'reflect-metadata';
import { get } from 'node:http';
import { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createPool } from 'mysql2/promise';
import { sign } from 'jsonwebtoken';
import { aServer } from '../../test/support/servers';
import { startTestApp, TEST_JWT_SECRET } from '../../test/support/test-app';
import { seedServers } from '../seed/seed-servers';

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      export: { type: 'string', default: '100000' },
    },
  });
  const t = await startTestApp();
  try {
    const statements: string[] = [];
    t.dataSource.subscribers.push({ beforeQuery: (event) => void statements.push(event.query) });

    console.log('POST /servers/bulk, 1,000 servers');
    for (let round = 1; round <= Number(values.rounds); round += 1) {
      const items = Array.from({ length: 1000 }, () => aServer({ tags: ['bench', 'web'] }));
      statements.length = 0;
      const started = process.hrtime.bigint();
      await t.http('editor').post('/api/v1/servers/bulk').send({ items }).expect(201);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      console.log(`  round ${round}: ${ms.toFixed(0)} ms, ${statements.length} statements`);
      if (round === 1) console.log(describeStatements(statements));
    }

    if (t.config.database.kind !== 'mysql') throw new Error('the export needs MariaDB');
    const servers = Number(values.export);
    console.log(`seeding ${servers} servers`);
    const pool = createPool({ uri: t.config.database.url, connectionLimit: 2 });
    await seedServers(pool, { servers, applications: 0, installedShare: 0 });
    await pool.query("INSERT INTO server_tags (server_id, tag) SELECT id, 'fleet' FROM servers");
    await pool.query('ANALYZE TABLE servers, server_tags');
    await pool.end();

    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const token = sign({ sub: 'bench', roles: ['reader'] }, TEST_JWT_SECRET, { expiresIn: '1h' });
    for (const query of ['', '?ordering=-ramMb,name', '?environment=production&tag=fleet']) {
      await exportOnce(port, token, query);
    }
  } finally {
    await t.close();
  }
}

async function exportOnce(port: number, token: string, query: string): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  let bytes = 0;
  let lines = 0;
  const started = Date.now();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    process.stdout.write(
      `\r  GET /servers${query}: ${lines} rows, RSS ${(process.memoryUsage().rss / MB).toFixed(0)} MB`,
    );
  }, 250);
  await new Promise<void>((resolve, reject) => {
    const request = get(
      {
        port,
        host: '127.0.0.1',
        path: `/api/v1/servers${query}`,
        headers: { Accept: 'text/csv', Authorization: `Bearer ${token}` },
      },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`status ${response.statusCode}`));
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 10) lines += 1;
        });
        response.on('end', resolve);
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write('\n');
  console.log(
    `  ${lines - 1} rows, ${(bytes / MB).toFixed(1)} MB of CSV in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `RSS before ${(before / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(0)} MB)`,
  );
}

/** `INSERT servers ×1`, … in the order first seen. */
function describeStatements(statements: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const sql of statements) {
    const match = /^\s*(\w+)(?:.*?\b(?:INTO|FROM|UPDATE)\s+`?(\w+)`?)?/is.exec(sql);
    const key = `${match?.[1]?.toUpperCase() ?? sql} ${match?.[2] ?? ''}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `    ${key} ×${count}`).join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
