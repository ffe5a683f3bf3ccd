import { Injectable } from '@nestjs/common';
import { IEvent, Saga } from '@nestjs/cqrs';
import { filter, ignoreElements, Observable, tap } from 'rxjs';
import { DomainEvent } from '@servertree/ddd';
import { OutboxRelay } from './outbox-relay';

/**
 * Where committed domain events become broker messages. The unit of work puts a command's
 * domain events on the EventBus only after its transaction committed; by then the repository
 * has stored each one in the outbox as the CloudEvent its module's published contract maps it
 * to (OutboxWriter). This saga hands them to the relay, which publishes the stored messages
 * with publisher confirms, oldest first, and marks what the broker confirmed.
 *
 * The relay publishes stored rows rather than these event objects: whatever was committed
 * before them - by this instance or another, or left by a broker outage - must leave first, or
 * an aggregate's revisions could overtake each other (ADR 3).
 *
 * A saga whose stream errors is replaced by an empty one for the rest of the process's life,
 * so the stream does nothing that can throw: `publishPending` only wakes the relay's own loop.
 */
@Injectable()
export class OutboxSaga {
  constructor(private readonly relay: OutboxRelay) {}

  @Saga()
  committedEventsArePublished = (events$: Observable<IEvent>): Observable<never> =>
    events$.pipe(
      filter((event) => event instanceof DomainEvent),
      tap(() => this.relay.publishPending()),
      ignoreElements(),
    );
}
