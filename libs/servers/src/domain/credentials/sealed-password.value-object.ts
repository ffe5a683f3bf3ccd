import { ValueObject } from '@servertree/ddd';

/**
 * A password as the vault sealed it: ciphertext, and the id of the key that opens it. The key
 * id is what lets keys rotate: new passwords are sealed with the newest key while older
 * ciphertexts still name the key they need.
 */
export class SealedPassword extends ValueObject<{ keyId: string; ciphertext: string }> {
  static of(keyId: string, ciphertext: string): SealedPassword {
    return new SealedPassword({ keyId, ciphertext });
  }

  get keyId(): string {
    return this.props.keyId;
  }

  get ciphertext(): string {
    return this.props.ciphertext;
  }
}
