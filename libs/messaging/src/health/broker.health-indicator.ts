import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EventTransport } from '../event-transport';

/**
 * Readiness of event delivery. Writes go on without the broker (the outbox keeps the events),
 * but other services stop hearing about them, which is what an operator needs to see.
 */
@Injectable()
export class BrokerHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly transport: EventTransport,
  ) {}

  check(key: string): HealthIndicatorResult {
    const indicator = this.health.check(key);
    const details = { transport: this.transport.name };
    return this.transport.isReachable()
      ? indicator.up(details)
      : indicator.down({ ...details, message: 'not connected' });
  }
}
