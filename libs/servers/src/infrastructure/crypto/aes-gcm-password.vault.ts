import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Password } from '../../domain/credentials/password';
import { PasswordVault } from '../../domain/credentials/password-vault.port';
import { SealedPassword } from '../../domain/credentials/sealed-password.value-object';
import { KeyRing } from './key-ring';

const ALGORITHM = 'aes-256-gcm';
/** 96 bits: the IV size GCM is specified for; random per seal, never reused with a key. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM, authenticated: a ciphertext that was tampered with (or opened with another
 * key) fails to open instead of opening to garbage. The stored ciphertext is base64 of
 * IV, authentication tag and encrypted UTF-8 password, in that order.
 */
export class AesGcmPasswordVault extends PasswordVault {
  constructor(private readonly keys: KeyRing) {
    super();
  }

  seal(password: Password): SealedPassword {
    const key = this.keys.active;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key.material(), iv, { authTagLength: TAG_BYTES });
    const encrypted = Buffer.concat([cipher.update(password.plaintext(), 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), encrypted]);
    return SealedPassword.of(key.id, sealed.toString('base64'));
  }

  reveal(sealed: SealedPassword): Password {
    const key = this.keys.find(sealed.keyId);
    if (!key) {
      throw new Error(
        `no configured credentials key has id ${sealed.keyId}; ` +
          'put the key that sealed this password into CREDENTIALS_PREVIOUS_KEYS',
      );
    }
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    const decipher = createDecipheriv(ALGORITHM, key.material(), bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plaintext = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    return Password.create(plaintext);
  }
}
