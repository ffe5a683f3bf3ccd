/**
 * npm run seed -- --servers 1000000 [--applications 20] [--installed-share 0.1] [--database-url mysql://...]
 *
 * Fills a migrated MySQL/MariaDB database with servers, catalogue applications and
 * installations, straight into the tables (multi-row INSERTs, no API, no events): the way to
 * get 1,000,000 servers for a benchmark in minutes instead of hours. Values are spread like a
 * real fleet - a handful of environments and operating systems, hardware on a few common sizes,
 * names unique - and are reproducible (a fixed pseudo-random sequence).
 *
 * The database must exist; migrations are run first. Without --database-url it uses DATABASE_URL.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createPool, Pool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig, Dialect, runMigrations } from '@servertree/platform';
import { migrations } from '../../migrations';
import { progress } from '../bench/progress';

export const ENVIRONMENTS = ['production', 'staging', 'development', 'qa', 'dr', 'lab'];
export const RAM_SIZES_MB = [2048, 4096, 8192, 16384, 32768, 65536, 131072];
const OPERATING_SYSTEMS = [
  ['debian', '12', 'x86_64'],
  ['ubuntu', '24.04', 'x86_64'],
  ['ubuntu', '22.04', 'arm64'],
  ['rhel', '9', 'x86_64'],
  ['windows-server', '2022', 'x86_64'],
];
const STATUSES = ['running', 'stopped', 'error', 'unknown'];
const BATCH = 2_000;

/** A small deterministic generator: the same seed gives the same fleet on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SeedOptions {
  readonly servers: number;
  readonly applications: number;
  readonly installedShare: number;
  readonly quiet?: boolean;
}

/** Seeds `servers` servers into the (migrated) database behind `pool`; returns their count. */
export async function seedServers(pool: Pool, options: SeedOptions): Promise<void> {
  const next = random(42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const start = Date.UTC(2025, 0, 1);
  const at = (i: number) => new Date(start + i * 1_000);

  const applicationIds = Array.from({ length: options.applications }, () => uuidv7());
  if (applicationIds.length > 0) {
    await pool.query(
      'INSERT INTO applications (id, name, version, architecture, revision, created_at, updated_at, discarded) VALUES ?',
      [applicationIds.map((id, i) => [id, `app-${i}`, '1.0', 'x86_64', 1, at(i), at(i), 0])],
    );
  }

  for (let done = 0; done < options.servers;) {
    const size = Math.min(BATCH, options.servers - done);
    const servers: unknown[][] = [];
    const installations: unknown[][] = [];
    for (let i = done; i < done + size; i += 1) {
      const id = uuidv7();
      const [osName, osVersion, osArchitecture] = pick(OPERATING_SYSTEMS);
      servers.push([
        id,
        `srv-${String(i).padStart(7, '0')}-${pick(['web', 'db', 'cache', 'queue', 'batch'])}`,
        pick([2, 4, 8, 16, 32, 64]),
        pick(RAM_SIZES_MB),
        pick([50, 100, 250, 500, 1000, 2000]),
        pick(ENVIRONMENTS),
        osName,
        osVersion,
        osArchitecture,
        pick(STATUSES),
        1,
        at(i),
        at(i),
        0,
      ]);
      if (applicationIds.length > 0 && next() < options.installedShare) {
        installations.push([id, pick(applicationIds), '/opt/app', null]);
      }
    }
    await pool.query(
      'INSERT INTO servers (id, name, cpu_cores, ram_mb, disk_gb, environment, os_name, os_version, ' +
        'os_architecture, status, revision, created_at, updated_at, discarded) VALUES ?',
      [servers],
    );
    if (installations.length > 0) {
      await pool.query(
        'INSERT INTO server_applications (server_id, application_id, install_dir, log_dir) VALUES ?',
        [installations],
      );
    }
    done += size;
    if (!options.quiet) progress('servers', done, options.servers);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '100000' },
      applications: { type: 'string', default: '20' },
      'installed-share': { type: 'string', default: '0.1' },
      'database-url': { type: 'string' },
    },
  });
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!url?.startsWith('mysql://'))
    throw new Error('give --database-url mysql://… (or DATABASE_URL)');

  const config = AppConfig.fromEnvironment({ NODE_ENV: 'development', DATABASE_URL: url });
  const dialect = Dialect.of(config.database);
  const dataSource = await new DataSource(dialect.dataSourceOptions({ migrations })).initialize();
  await runMigrations(dataSource, dialect);
  await dataSource.destroy();

  const pool = createPool({ uri: url, connectionLimit: 2 });
  const started = Date.now();
  try {
    await seedServers(pool, {
      servers: Number(values.servers),
      applications: Number(values.applications),
      installedShare: Number(values['installed-share']),
    });
    await pool.query('ANALYZE TABLE servers, server_applications, applications');
  } finally {
    await pool.end();
  }
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
