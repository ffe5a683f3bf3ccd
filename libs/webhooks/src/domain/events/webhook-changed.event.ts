import { DomainEvent, type Changes } from '@servertree/ddd';

export class WebhookChanged extends DomainEvent<{ changes: Changes }> {
  static readonly type = 'server.webhook.changed';
  readonly type = WebhookChanged.type;
}
