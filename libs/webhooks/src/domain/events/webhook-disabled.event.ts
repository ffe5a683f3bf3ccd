import { DomainEvent } from '@servertree/ddd';

/** `requested` by an admin, or `deliveries_failed`: nothing was delivered for 24 h. */
export type WebhookDisabledReason = 'requested' | 'deliveries_failed';

export class WebhookDisabled extends DomainEvent<{ readonly reason: WebhookDisabledReason }> {}
