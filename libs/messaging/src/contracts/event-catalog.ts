import { Injectable } from '@nestjs/common';
import type { DomainEvent, DomainEventClass } from '@servertree/ddd';
import type { EventContract } from './event-contract';

/**
 * Every event the service publishes, as the modules declare them at start
 * (PublishedEventsModule.forFeature): the outbox writer looks up how to store each domain
 * event here, and the AsyncAPI document is written from it, so the two cannot drift apart.
 */
@Injectable()
export class EventCatalog {
  private readonly byType = new Map<string, EventContract>();
  private readonly byClass = new Map<DomainEventClass<DomainEvent>, EventContract>();

  register(contracts: readonly EventContract[]): void {
    for (const contract of contracts) {
      if (this.byType.has(contract.type)) {
        throw new Error(`event type ${contract.type} is declared twice`);
      }
      if (this.byClass.has(contract.event)) {
        throw new Error(`${contract.event.name} is published under two types`);
      }
      this.byType.set(contract.type, contract);
      this.byClass.set(contract.event, contract);
    }
  }

  /** The contract a recorded event is published under; an undeclared event is a wiring bug. */
  contractOf(event: DomainEvent): EventContract {
    const contract = this.byClass.get(event.constructor as DomainEventClass<DomainEvent>);
    if (!contract) {
      throw new Error(`${event.constructor.name} has no published contract (forFeature)`);
    }
    return contract;
  }

  /** Sorted by type, so the document reads (and diffs) the same on every start. */
  all(): readonly EventContract[] {
    return [...this.byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  }
}
