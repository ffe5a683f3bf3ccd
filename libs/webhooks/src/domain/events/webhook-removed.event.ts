import { DomainEvent } from '@servertree/ddd';

export class WebhookRemoved extends DomainEvent<Record<string, never>> {
  static readonly type = 'server.webhook.removed';
  readonly type = WebhookRemoved.type;
}
