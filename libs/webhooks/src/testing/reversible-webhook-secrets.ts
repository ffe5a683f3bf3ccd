import { WebhookSecrets } from '../application/webhook-secrets.port';
import type { SealedWebhookSecret } from '../domain/webhook-secret';

/**
 * Secrets for handler specs: numbered, so each subscription's is its own, and "sealed" by
 * base64 encoding, so a spec can open what was stored without any key.
 */
export class ReversibleWebhookSecrets extends WebhookSecrets {
  private issued = 0;

  static seal(plaintext: string): SealedWebhookSecret {
    return { keyId: 'test-key', ciphertext: Buffer.from(plaintext).toString('base64') };
  }

  generate(): { plaintext: string; sealed: SealedWebhookSecret } {
    this.issued += 1;
    const plaintext = `whsec_test-secret-${this.issued}`;
    return { plaintext, sealed: ReversibleWebhookSecrets.seal(plaintext) };
  }

  open(sealed: SealedWebhookSecret): string {
    return Buffer.from(sealed.ciphertext, 'base64').toString();
  }
}
