import { AesGcmBox, KeyRing } from '@servertree/platform';
import { Password } from '../../domain/credentials/password';
import { PasswordVault } from '../../domain/credentials/password-vault.port';
import { SealedPassword } from '../../domain/credentials/sealed-password.value-object';

/** Credential passwords sealed with the service's key ring (AES-256-GCM, see AesGcmBox). */
export class AesGcmPasswordVault extends PasswordVault {
  private readonly box: AesGcmBox;

  constructor(keys: KeyRing) {
    super();
    this.box = new AesGcmBox(keys);
  }

  seal(password: Password): SealedPassword {
    const sealed = this.box.seal(password.plaintext());
    return SealedPassword.of(sealed.keyId, sealed.ciphertext);
  }

  reveal(sealed: SealedPassword): Password {
    return Password.create(this.box.open(sealed));
  }
}
