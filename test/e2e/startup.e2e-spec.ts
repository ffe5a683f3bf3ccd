import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** The real entry point refuses to start on a bad environment, and says which variable. */
describe('start-up with a bad configuration', () => {
  it('exits with status 1 and a message naming each bad variable', () => {
    const result = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(ROOT, 'apps/api/src/main.ts'),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          PORT: 'eighty',
          DATABASE_URL: '',
          RABBITMQ_URL: '',
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('PORT must be an integer between 0 and 65535 (got "eighty")');
    expect(result.stderr).toContain('DATABASE_URL is required when NODE_ENV=production');
  });
});
