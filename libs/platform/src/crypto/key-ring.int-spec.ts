import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ConfigurationError } from '../config/configuration.error';
import { EncryptionKey } from './encryption-key';
import { KeyRing } from './key-ring';

/** Against the real file system: the key file of an instance without CREDENTIALS_KEY. */
describe('KeyRing.fromConfig', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'servertree-keys-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const config = (env: Record<string, string> = {}) =>
    AppConfig.fromEnvironment({ NODE_ENV: 'test', DATA_DIR: dataDir, ...env });

  function problemsOf(env: Record<string, string>): readonly string[] {
    try {
      KeyRing.fromConfig(config(env));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as ConfigurationError).problems;
    }
    throw new Error('expected a ConfigurationError');
  }

  it('seals with CREDENTIALS_KEY and also opens with CREDENTIALS_PREVIOUS_KEYS', () => {
    const [active, old1, old2] = [1, 2, 3].map(() => EncryptionKey.generate());
    const ring = KeyRing.fromConfig(
      config({
        CREDENTIALS_KEY: active.toBase64(),
        CREDENTIALS_PREVIOUS_KEYS: `${old1.toBase64()}, ${old2.toBase64()}`,
      }),
    );
    expect(ring.active.id).toBe(active.id);
    expect([old1, old2, active].map((key) => ring.find(key.id)?.id)).toEqual([
      old1.id,
      old2.id,
      active.id,
    ]);
    expect(ring.find(EncryptionKey.generate().id)).toBeUndefined();
  });

  it('names every malformed key and echoes none of them', () => {
    const bad = 'c2hvcnQ=';
    const problems = problemsOf({
      CREDENTIALS_KEY: bad,
      CREDENTIALS_PREVIOUS_KEYS: `${EncryptionKey.generate().toBase64()},${bad}x`,
    });
    expect(problems).toEqual([
      'CREDENTIALS_KEY must be a base64-encoded 32-byte key (e.g. from `openssl rand -base64 32`)',
      'CREDENTIALS_PREVIOUS_KEYS (entry 2) must be a base64-encoded 32-byte key (e.g. from `openssl rand -base64 32`)',
    ]);
    expect(problems.join()).not.toContain(bad);
  });

  it('without CREDENTIALS_KEY creates a key file once, private to the owner, and reuses it', () => {
    const first = KeyRing.fromConfig(config());
    const file = join(dataDir, 'credentials.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(EncryptionKey.fromBase64(readFileSync(file, 'utf8').trim())?.id).toBe(first.active.id);

    const second = KeyRing.fromConfig(config());
    expect(second.active.id).toBe(first.active.id);
  });

  it('refuses a key file that holds no key', () => {
    const file = join(dataDir, 'credentials.key');
    writeFileSync(file, 'not a key\n');
    expect(problemsOf({})).toEqual([
      `${file} must be a base64-encoded 32-byte key (e.g. from \`openssl rand -base64 32\`)`,
    ]);
  });
});
