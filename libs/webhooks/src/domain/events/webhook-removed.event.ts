import { DomainEvent } from '@servertree/ddd';

export class WebhookRemoved extends DomainEvent<Record<string, never>> {}
