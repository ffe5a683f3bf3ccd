import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '@servertree/platform';
import { EventTransport } from '../event-transport';
import { OutboxBacklog } from '../outbox/outbox-backlog';

/**
 * Readiness of event delivery. Writes go on without the broker (the outbox keeps the events),
 * so a short outage leaves the instance ready; past the configured grace other services have
 * stopped hearing about changes for too long, which is what an operator needs to see.
 */
@Injectable()
export class BrokerHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly transport: EventTransport,
    private readonly backlog: OutboxBacklog,
    private readonly config: AppConfig,
  ) {}

  check(key: string): HealthIndicatorResult {
    const indicator = this.health.check(key);
    const details = { transport: this.transport.name };
    const since = this.transport.unreachableSince();
    if (since === undefined) return indicator.up(details);
    const unreachableSeconds = Math.round((Date.now() - since) / 1000);
    const graceSeconds = this.config.observability.brokerOutageGraceMs / 1000;
    const outage = { ...details, message: 'not connected', unreachableSeconds, graceSeconds };
    return unreachableSeconds * 1000 < this.config.observability.brokerOutageGraceMs
      ? indicator.up(outage)
      : indicator.down(outage);
  }

  /** Always up: the backlog is information for the operator, the broker check decides. */
  async outbox(key: string): Promise<HealthIndicatorResult> {
    const { pending, oldestPendingAgeSeconds } = await this.backlog.read();
    return this.health.check(key).up({ pendingEvents: pending, oldestPendingAgeSeconds });
  }
}
