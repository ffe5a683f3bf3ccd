import { Logger } from '@nestjs/common';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A secret of a development instance that nobody configured (never production: AppConfig
 * insists on real settings there). Created once, readable by the service's user only (0600),
 * and reused on every start, so what it protects stays usable across restarts.
 *
 * @param generate makes the secret's text when the file does not exist yet
 * @param purpose what to tell the operator when the file is created
 */
export function loadOrCreateSecretFile(
  path: string,
  generate: () => string,
  purpose: string,
): string {
  mkdirSync(dirname(path), { recursive: true });
  try {
    // `wx` fails when the file exists: two instances starting together never swap secrets.
    writeFileSync(path, `${generate()}\n`, { flag: 'wx', mode: 0o600 });
    new Logger('Secrets').warn(
      `${purpose}: generated ${path} (development only; back it up with the data)`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8').trim();
}
