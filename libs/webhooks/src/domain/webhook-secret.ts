/**
 * The signing secret as stored: sealed by the key ring (whose key id travels with it), never in
 * clear. The domain only carries it; sealing and opening happen in infrastructure.
 */
export interface SealedWebhookSecret {
  readonly keyId: string;
  readonly ciphertext: string;
}
