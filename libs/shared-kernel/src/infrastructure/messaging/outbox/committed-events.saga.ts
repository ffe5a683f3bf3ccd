import { Injectable } from '@nestjs/common';
import { ICommand, IEvent, Saga } from '@nestjs/cqrs';
import { filter, map, Observable } from 'rxjs';
import { DomainEvent } from '../../../domain';
import { DeliverPendingEventsCommand } from './deliver-pending-events.command';

/**
 * The bridge between the in-process EventBus and delivery: every committed domain event (the
 * unit of work publishes only committed ones) becomes a command to deliver what is pending.
 *
 * A saga whose stream errors is replaced by an empty one for the rest of the process's life,
 * and delivery would then silently wait for the relay's poll. So the stream does nothing that
 * can throw - an `instanceof` test and a constructor; the work that can fail runs in the
 * command handler, where the command bus catches and logs each failure on its own.
 */
@Injectable()
export class CommittedEventsSaga {
  @Saga()
  committedEventsAreDelivered = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      filter((event) => event instanceof DomainEvent),
      map(() => new DeliverPendingEventsCommand()),
    );
}
