import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CloudEvent } from '../contracts/cloud-event';
import { EventHistory } from './event-history.port';
import type { Page, PageRequest } from '@servertree/ddd';
import { OutboxRecord } from '../outbox/outbox.record';
import { toCloudEvent } from '../outbox/cloud-event.mapper';

/**
 * Reads the event store itself: the history is exactly what was (or will be) published.
 * The unique (aggregate_id, aggregate_revision) index serves both the filter and the order.
 */
@Injectable()
export class TypeOrmEventHistory extends EventHistory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async ofAggregate(
    aggregateType: string,
    aggregateId: string,
    page: PageRequest,
  ): Promise<Page<CloudEvent>> {
    const [records, total] = await this.dataSource.getRepository(OutboxRecord).findAndCount({
      where: { aggregateType, aggregateId },
      order: { aggregateRevision: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return { total, limit: page.limit, offset: page.offset, items: records.map(toCloudEvent) };
  }
}
