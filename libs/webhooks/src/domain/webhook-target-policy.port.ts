/**
 * Whether the service may send to a URL's host (SSRF protection). Asked when a subscription's
 * URL is set; the sender applies the same rule again to the address it actually connects to.
 */
export abstract class WebhookTargetPolicy {
  /** @throws InvalidInputError naming `field` when the host resolves to a refused address. */
  abstract assertAllowed(url: string, field: string): Promise<void>;
}
