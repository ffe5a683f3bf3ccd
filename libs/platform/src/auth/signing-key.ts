import { createPublicKey, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { loadOrCreateSecretFile } from '../support/local-secret-file';

/**
 * The key tokens are verified with. Configured in production (AUTH_JWT_SECRET for HS256 or
 * AUTH_JWT_PUBLIC_KEY for RS256); elsewhere a secret is generated once and kept in the data
 * directory (mode 0600), so tokens survive restarts of a development instance.
 *
 * The key is parsed once into a KeyObject: handed a string, jsonwebtoken re-parses it on every
 * verification (and first tries it as a PEM), which was the single largest cost of a request.
 */
export class SigningKey {
  private constructor(
    readonly algorithm: 'HS256' | 'RS256',
    readonly key: KeyObject,
    /** Only for a generated HS256 secret: lets the service mint a token for its operator. */
    readonly generated: boolean,
  ) {}

  static fromConfig(config: AppConfig): SigningKey {
    if (config.auth.rs256PublicKey) {
      const pem = config.auth.rs256PublicKey.replace(/\\n/g, '\n');
      return new SigningKey('RS256', createPublicKey(pem), false);
    }
    if (config.auth.hs256Secret) return SigningKey.hs256(config.auth.hs256Secret, false);
    return SigningKey.hs256(SigningKey.generatedSecret(config.dataDir), true);
  }

  private static hs256(secret: string, generated: boolean): SigningKey {
    return new SigningKey('HS256', createSecretKey(Buffer.from(secret, 'utf8')), generated);
  }

  private static generatedSecret(dataDir: string): string {
    return loadOrCreateSecretFile(
      join(dataDir, 'auth-secret'),
      () => randomBytes(32).toString('hex'),
      'AUTH_JWT_SECRET not set',
    );
  }
}
