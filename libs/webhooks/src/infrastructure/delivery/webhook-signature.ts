import { createHmac } from 'node:crypto';

/**
 * The Standard Webhooks headers for one attempt: `webhook-id` (the event id, the receiver's
 * dedupe key), `webhook-timestamp` (Unix seconds) and `webhook-signature`, `v1,` and base64
 * HMAC-SHA256 of "<id>.<timestamp>.<body>" keyed by the secret's bytes.
 */
export function signedHeaders(
  key: Buffer,
  eventId: string,
  body: string,
  at: Date,
): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000).toString();
  const signature = createHmac('sha256', key)
    .update(`${eventId}.${timestamp}.${body}`)
    .digest('base64');
  return {
    'webhook-id': eventId,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  };
}
