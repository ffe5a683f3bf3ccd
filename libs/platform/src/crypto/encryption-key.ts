import { createHash, randomBytes } from 'node:crypto';
import { decodeBase64Key } from '../config/base64-key';

const KEY_BYTES = 32;

/**
 * An AES-256 key and its id. The id is the first 16 hex digits of the key's SHA-256: it names
 * the key without giving it away, and every instance derives the same id from the same key,
 * so a ciphertext stored by one instance finds its key on any other.
 */
export class EncryptionKey {
  readonly id: string;
  // Private, so that printing the object (a log line, a debugger) never shows the key.
  readonly #material: Buffer;

  private constructor(material: Buffer) {
    this.#material = material;
    this.id = createHash('sha256').update(material).digest('hex').slice(0, 16);
  }

  /** The key written as base64 of 32 bytes, or undefined when the text is anything else. */
  static fromBase64(encoded: string): EncryptionKey | undefined {
    const material = decodeBase64Key(encoded);
    return material ? new EncryptionKey(material) : undefined;
  }

  static generate(): EncryptionKey {
    return new EncryptionKey(randomBytes(KEY_BYTES));
  }

  material(): Buffer {
    return this.#material;
  }

  toBase64(): string {
    return this.#material.toString('base64');
  }
}
