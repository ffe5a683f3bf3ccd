import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { InvalidInputError } from '@servertree/ddd';
import { AppConfig } from '@servertree/platform';
import { WebhookTargetPolicy } from '../../domain/webhook-target-policy.port';
import { isInternalAddress } from './target-addresses';

/**
 * Refuses a URL whose host resolves (every address it resolves to) into an internal range,
 * unless WEBHOOKS_ALLOW_PRIVATE_TARGETS=true. Checking at subscription time gives the admin a
 * clear 400; the sender checks the address it connects to again (DNS can change meanwhile).
 */
@Injectable()
export class DnsWebhookTargetPolicy extends WebhookTargetPolicy {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async assertAllowed(url: string, field: string): Promise<void> {
    if (this.config.webhooks.allowPrivateTargets) return;
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    let addresses: { address: string }[];
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw InvalidInputError.single(field, `${field}: the host ${host} does not resolve`);
    }
    const internal = addresses.find(({ address }) => isInternalAddress(address));
    if (internal) {
      throw InvalidInputError.single(
        field,
        `${field} resolves to ${internal.address}, a private, loopback or link-local address`,
      );
    }
  }
}
