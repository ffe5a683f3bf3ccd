import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KeyRing } from './key-ring';

const ALGORITHM = 'aes-256-gcm';
/** 96 bits: the IV size GCM is specified for; random per seal, never reused with a key. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A secret as it is stored: which key sealed it, and base64 of IV, tag and ciphertext. */
export interface SealedText {
  readonly keyId: string;
  readonly ciphertext: string;
}

/**
 * Seals secrets at rest with the key ring's active key and opens them with whichever key
 * sealed them. AES-256-GCM is authenticated: a ciphertext that was tampered with (or opened
 * with another key) fails to open instead of opening to garbage.
 */
export class AesGcmBox {
  constructor(private readonly keys: KeyRing) {}

  seal(plaintext: string): SealedText {
    const key = this.keys.active;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key.material(), iv, { authTagLength: TAG_BYTES });
    const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), encrypted]);
    return { keyId: key.id, ciphertext: sealed.toString('base64') };
  }

  /** @throws Error naming the missing key id (never the secret) or a failed authentication. */
  open(sealed: SealedText): string {
    const key = this.keys.find(sealed.keyId);
    if (!key) {
      throw new Error(
        `no configured credentials key has id ${sealed.keyId}; ` +
          'put the key that sealed this secret into CREDENTIALS_PREVIOUS_KEYS',
      );
    }
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    const decipher = createDecipheriv(ALGORITHM, key.material(), bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}
