import { Injectable } from '@nestjs/common';
import { ExecutionContexts, TraceContexts, UnitOfWork } from '@servertree/platform';
import { DomainEvent } from '@servertree/ddd';
import { EventCatalog } from '../contracts/event-catalog';
import { OutboxRecord } from './outbox.record';

/**
 * Appends an aggregate's events to the outbox in the transaction that saves the aggregate:
 * both are written or neither is. This is the only way events leave a command, so an event
 * can never be published for a change that was rolled back. The row holds the event as
 * subscribers will see it: the module's published contract gives its type and `data`.
 */
@Injectable()
export class OutboxWriter {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalog: EventCatalog,
  ) {}

  async append(aggregateType: string, events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { correlationId, actor, traceparent } = ExecutionContexts.current();
    // The innermost span when tracing is on (the command's), else the request's own context.
    const trace = TraceContexts.active() ?? traceparent ?? null;
    const manager = await this.unitOfWork.manager();
    await manager.insert(
      OutboxRecord,
      events.map((event) => {
        const contract = this.catalog.contractOf(event);
        return {
          id: event.id,
          type: contract.type,
          aggregateType,
          aggregateId: event.aggregateId,
          aggregateRevision: event.revision,
          occurredAt: event.occurredAt,
          correlationId,
          actor,
          data: JSON.stringify(contract.toData(event)),
          traceparent: trace,
          publishedAt: null,
        };
      }),
    );
    this.unitOfWork.enlist(events);
  }
}
