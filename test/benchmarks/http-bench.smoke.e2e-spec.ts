import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/**
 * The benchmark runs in CI for a few seconds so that it cannot rot: it must start both servers,
 * seed them, load every scenario and print the comparison table. No figure is judged here -
 * timings on a shared CI machine mean nothing (docs/benchmarks.md has the real runs).
 */
describe('npm run bench (smoke)', () => {
  it('seeds both servers, loads every scenario and prints the ratio table', () => {
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'scripts/bench/http-bench.ts',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 240_000,
        env: {
          ...process.env,
          BENCH_SERVERS: '300',
          BENCH_DURATION: '2',
          BENCH_ROUNDS: '1',
          BENCH_WARM_UP: '0',
          BENCH_CONNECTIONS: '4',
          BENCH_FROM_SOURCE: 'true',
        },
      },
    );
    expect(run.status).toBe(0);
    const table = run.stdout.split('\n').filter((line) => /^\| [A-Za-z]/.test(line));
    expect(table.map((line) => line.split(' | ')[0].slice(2))).toEqual([
      'scenario',
      'GET one server',
      'list: environment + ramMb__gte, ordering=-ramMb,name, offset 0-225',
      'list: environment + status, ordering=name',
      'list: q= substring of the name',
      'POST register server',
      'PATCH one field',
      'PUT install application, 32 in flight',
      'PUT install application, 128 in flight',
    ]);
    // n/a: the baseline completed no request in its round (128 in flight, 2 s, a loaded CI).
    for (const row of table.slice(1)) expect(row).toMatch(/\| (\d+\.\d\d|n\/a) \|$/);
    expect(run.stdout).toMatch(
      /PUT install application, 128 in flight: errors [^;]+ \/ [^;]+; retries \d+;/,
    );
    expect(run.stdout).toMatch(/ServerTree RSS after the run: \d+ MiB/);
  }, 300_000);
});
