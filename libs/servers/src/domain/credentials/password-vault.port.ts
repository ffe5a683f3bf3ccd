import { Password } from './password';
import { SealedPassword } from './sealed-password.value-object';

/**
 * Seals passwords for storage and opens them for the audited reveal. The server decides when
 * a password is sealed or revealed; infrastructure decides how (AES-256-GCM, rotating keys).
 */
export abstract class PasswordVault {
  abstract seal(password: Password): SealedPassword;

  /** @throws Error when the key the password was sealed with is no longer configured. */
  abstract reveal(sealed: SealedPassword): Password;
}
