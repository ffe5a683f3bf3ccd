import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '../contracts/cloud-event';
import { ExecutionContexts, UnitOfWork } from '@servertree/platform';
import { Inbox } from './inbox';
import type { RegisteredConsumer } from './integration-event-consumers';

/** Hands an event to a consumer, whichever transport brought it. */
@Injectable()
export class IntegrationEventDispatcher {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly inbox: Inbox,
  ) {}

  /**
   * Runs the handler in one transaction with its inbox row: a failure leaves neither behind,
   * so the redelivery tries again; a success commits both, so a redelivery changes nothing.
   * Commands the handler sends join that transaction, and the events they record carry the
   * cause's correlation id and actor (SPEC §4).
   */
  dispatch(consumer: RegisteredConsumer, event: CloudEvent): Promise<void> {
    const cause = { correlationId: event.correlationid, actor: event.actor };
    return ExecutionContexts.run(cause, () =>
      this.unitOfWork.run(async () => {
        if (await this.inbox.admit(consumer.name, event.id)) await consumer.handler.handle(event);
      }),
    );
  }
}
