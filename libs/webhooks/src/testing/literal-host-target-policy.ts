import { isIP } from 'node:net';
import { InvalidInputError } from '@servertree/ddd';
import { WebhookTargetPolicy } from '../domain/webhook-target-policy.port';
import { isInternalAddress } from '../infrastructure/delivery/target-addresses';

/**
 * The target policy for handler specs, without DNS: a host written as an IP address is judged
 * by the ranges the DNS policy applies to the addresses a name resolves to; a name is taken
 * for a public host.
 */
export class LiteralHostTargetPolicy extends WebhookTargetPolicy {
  async assertAllowed(url: string, field: string): Promise<void> {
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) !== 0 && isInternalAddress(host)) {
      throw InvalidInputError.single(
        field,
        `${field} resolves to ${host}, a private, loopback or link-local address`,
      );
    }
  }
}
