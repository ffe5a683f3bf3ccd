import type { SealedWebhookSecret } from '../domain/webhook-secret';

/** Makes a new signing secret: the clear text to show once, and its sealed form to store. */
export abstract class WebhookSecrets {
  abstract generate(): { readonly plaintext: string; readonly sealed: SealedWebhookSecret };
}
