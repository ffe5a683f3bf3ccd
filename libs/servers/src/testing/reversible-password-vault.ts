import { Password } from '../domain/credentials/password';
import { PasswordVault } from '../domain/credentials/password-vault.port';
import { SealedPassword } from '../domain/credentials/sealed-password.value-object';

/**
 * A vault for domain tests: it "seals" by base64 encoding, so tests can see what would be
 * stored without any key.
 */
export class ReversiblePasswordVault extends PasswordVault {
  seal(password: Password): SealedPassword {
    return SealedPassword.of('test-key', Buffer.from(password.plaintext()).toString('base64'));
  }

  reveal(sealed: SealedPassword): Password {
    return Password.create(Buffer.from(sealed.ciphertext, 'base64').toString());
  }
}
