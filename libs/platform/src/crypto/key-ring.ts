import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { BASE64_KEY_FORMAT } from '../config/base64-key';
import { ConfigurationError } from '../config/configuration.error';
import { loadOrCreateSecretFile } from '../support/local-secret-file';
import { EncryptionKey } from './encryption-key';

/**
 * The keys secrets at rest (credential passwords, webhook secrets) are sealed and opened with.
 * The active key seals every new secret;
 * previous keys only open what they sealed before a rotation. Rotating is therefore: make the
 * new key CREDENTIALS_KEY and move the old one to CREDENTIALS_PREVIOUS_KEYS.
 */
export class KeyRing {
  private readonly byId: ReadonlyMap<string, EncryptionKey>;

  constructor(
    readonly active: EncryptionKey,
    previous: readonly EncryptionKey[] = [],
  ) {
    this.byId = new Map([...previous, active].map((key) => [key.id, key]));
  }

  /**
   * From CREDENTIALS_KEY and CREDENTIALS_PREVIOUS_KEYS, or without the former, from the key
   * file beside the database. AppConfig has already refused malformed keys from the
   * environment, together with every other bad setting; what can still fail here is the key
   * file. No key is ever echoed.
   * @throws ConfigurationError
   */
  static fromConfig(config: AppConfig): KeyRing {
    const problems: string[] = [];
    const parse = (encoded: string, source: string) => {
      const key = EncryptionKey.fromBase64(encoded);
      if (!key) problems.push(`${source} must be ${BASE64_KEY_FORMAT}`);
      return key;
    };
    const keyFile = join(config.dataDir, 'credentials.key');
    const active = config.credentials.activeKey
      ? parse(config.credentials.activeKey, 'CREDENTIALS_KEY')
      : parse(
          loadOrCreateSecretFile(
            keyFile,
            () => EncryptionKey.generate().toBase64(),
            'CREDENTIALS_KEY not set',
          ),
          keyFile,
        );
    const previous = config.credentials.previousKeys.map((encoded, index) =>
      parse(encoded, `CREDENTIALS_PREVIOUS_KEYS (entry ${index + 1})`),
    );
    if (!active || problems.length > 0) throw new ConfigurationError(problems);
    return new KeyRing(
      active,
      previous.filter((key) => key !== undefined),
    );
  }

  find(keyId: string): EncryptionKey | undefined {
    return this.byId.get(keyId);
  }
}
