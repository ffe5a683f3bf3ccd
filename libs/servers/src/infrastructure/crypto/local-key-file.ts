import { Logger } from '@nestjs/common';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EncryptionKey } from './encryption-key';

/**
 * The key of an instance without CREDENTIALS_KEY (never production: AppConfig insists on one
 * there). Created once, readable by the service's user only, and reused on every start, so
 * the passwords stored so far stay readable. Answers the key as base64 text.
 */
export function loadOrCreateKeyFile(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  try {
    // `wx` fails when the file exists: two instances starting together never swap keys.
    writeFileSync(path, `${EncryptionKey.generate().toBase64()}\n`, { flag: 'wx', mode: 0o600 });
    new Logger('Credentials').warn(
      `CREDENTIALS_KEY not set: generated a key in ${path} (development only; back it up with the database)`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8').trim();
}
