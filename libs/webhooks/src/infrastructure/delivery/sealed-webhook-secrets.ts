import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AesGcmBox } from '@servertree/platform';
import { WebhookSecrets } from '../../application/webhook-secrets.port';
import type { SealedWebhookSecret } from '../../domain/webhook-secret';

/** Standard Webhooks secrets: `whsec_` and base64 of 24 random bytes (the signing key). */
const PREFIX = 'whsec_';

/** Secrets sealed with the same key ring as credential passwords (CREDENTIALS_KEY). */
@Injectable()
export class SealedWebhookSecrets extends WebhookSecrets {
  constructor(private readonly box: AesGcmBox) {
    super();
  }

  generate(): { plaintext: string; sealed: SealedWebhookSecret } {
    const plaintext = `${PREFIX}${randomBytes(24).toString('base64')}`;
    return { plaintext, sealed: this.box.seal(plaintext) };
  }

  /** The signing key: the secret's bytes after the prefix. */
  signingKey(sealed: SealedWebhookSecret): Buffer {
    return Buffer.from(this.box.open(sealed).slice(PREFIX.length), 'base64');
  }
}
