import { Password } from '../domain/credentials/password';
import { PasswordVault } from '../domain/credentials/password-vault.port';
import { SealedPassword } from '../domain/credentials/sealed-password.value-object';

/**
 * A vault for domain tests: it "seals" by base64 encoding, so tests can see what would be
 * stored without any key. Counts reveals, for tests that care whether one happened.
 */
export class ReversiblePasswordVault extends PasswordVault {
  reveals = 0;

  seal(password: Password): SealedPassword {
    return SealedPassword.of('test-key', Buffer.from(password.plaintext()).toString('base64'));
  }

  reveal(sealed: SealedPassword): Password {
    this.reveals++;
    return Password.create(Buffer.from(sealed.ciphertext, 'base64').toString());
  }
}
