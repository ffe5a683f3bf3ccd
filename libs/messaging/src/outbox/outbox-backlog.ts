import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '@servertree/ddd';
import { Metrics, OutboxBacklogReading } from '@servertree/platform';
import { EventTransport } from '../event-transport';
import { OutboxRecord } from './outbox.record';

/**
 * How far event delivery is behind: the number of stored events not yet delivered and the age
 * of the oldest. Both statements walk the pending index (published_at, sequence) only, so they
 * stay cheap however long the history grows; they run per scrape or readiness probe, never
 * per request. Also feeds the broker gauge, which reads the transport.
 */
@Injectable()
export class OutboxBacklog implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly transport: EventTransport,
  ) {}

  onModuleInit(): void {
    this.metrics.observeOutbox(() => this.read());
    this.metrics.observeBroker(() => this.transport.isReachable());
  }

  async read(): Promise<OutboxBacklogReading> {
    const pendingOnly = { publishedAt: IsNull() };
    const [pending, oldest] = await Promise.all([
      this.dataSource.manager.count(OutboxRecord, { where: pendingOnly }),
      this.dataSource.manager.findOne(OutboxRecord, {
        select: { sequence: true, occurredAt: true },
        where: pendingOnly,
        order: { sequence: 'ASC' },
      }),
    ]);
    const ageMs = oldest ? this.clock.now().getTime() - oldest.occurredAt.getTime() : 0;
    return { pending, oldestPendingAgeSeconds: Math.max(0, ageMs / 1000) };
  }
}
