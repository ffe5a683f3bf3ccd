import { spawnSync } from 'node:child_process';
import { ENTRY_POINT_ARGS, ROOT } from '../support/entry-point';

/** The real entry point refuses to start on a bad environment, and says which variable. */
describe('start-up with a bad configuration', () => {
  it('exits with status 1 and a message naming each bad variable', () => {
    const result = spawnSync(process.execPath, ENTRY_POINT_ARGS, {
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
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('PORT must be an integer between 0 and 65535 (got "eighty")');
    expect(result.stderr).toContain('DATABASE_URL is required when NODE_ENV=production');
  });
});
