import { Injectable } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import type { CloudEvent } from '../contracts/cloud-event';
import {
  ConsumerOutcome,
  ExecutionContexts,
  inSpan,
  Metrics,
  TraceContexts,
  UnitOfWork,
} from '@servertree/platform';
import { Inbox } from './inbox';
import type { RegisteredConsumer } from './integration-event-consumers';

/** Hands an event to a consumer, whichever transport brought it. */
@Injectable()
export class IntegrationEventDispatcher {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly inbox: Inbox,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Runs the handler in one transaction with its inbox row: a failure leaves neither behind,
   * so the redelivery tries again; a success commits both, so a redelivery changes nothing.
   * Commands the handler sends join that transaction - or, for a `per-command` consumer, each
   * commit on its own. Either way the events they record carry the cause's correlation id,
   * actor (SPEC §4) and trace: the handling is a child span of the write that stored the event
   * (SPEC §7).
   */
  async dispatch(consumer: RegisteredConsumer, event: CloudEvent): Promise<void> {
    const cause = {
      correlationId: event.correlationid,
      actor: event.actor,
      traceparent: event.traceparent,
    };
    const processed = await ExecutionContexts.run(cause, () =>
      inSpan(
        `consume ${event.type}`,
        () =>
          consumer.transactions === 'per-command'
            ? this.handleCommandByCommand(consumer, event)
            : this.unitOfWork.run(async () => {
                if (!(await this.inbox.admit(consumer.name, event.id))) return false;
                await consumer.handler.handle(event);
                return true;
              }),
        { kind: SpanKind.CONSUMER, parent: TraceContexts.continuing(event.traceparent) },
      ),
    );
    this.count(consumer, processed ? 'processed' : 'duplicate');
  }

  /**
   * No transaction around the handler, so each of its commands gets its own unit of work and
   * its own retries. The inbox row comes last: a failure half-way leaves the committed commands
   * in place and no row, and the redelivery runs the (idempotent) handler again to finish.
   * The early look at the inbox spares a late redelivery that work; two deliveries racing both
   * run the handler, and only the first to record the row counts as processed.
   */
  private async handleCommandByCommand(
    consumer: RegisteredConsumer,
    event: CloudEvent,
  ): Promise<boolean> {
    if (await this.inbox.has(consumer.name, event.id)) return false;
    await consumer.handler.handle(event);
    return this.unitOfWork.run(() => this.inbox.admit(consumer.name, event.id));
  }

  /** For the transports, which alone know whether a failure is retried or dead-lettered. */
  count(consumer: RegisteredConsumer, outcome: ConsumerOutcome): void {
    this.metrics.consumerMessages.inc({ consumer: consumer.name, outcome });
  }
}
