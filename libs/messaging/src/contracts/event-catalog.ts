import { Injectable } from '@nestjs/common';
import type { EventContract } from './event-contract';

/**
 * Every event type the service publishes, as the modules declare them at start
 * (PublishedEventsModule.forFeature). The AsyncAPI document is written from it, and a test
 * checks it against the event classes in the code, so the two cannot drift apart.
 */
@Injectable()
export class EventCatalog {
  private readonly contracts = new Map<string, EventContract>();

  register(contracts: readonly EventContract[]): void {
    for (const contract of contracts) {
      const { type } = contract.event;
      if (this.contracts.has(type)) throw new Error(`event type ${type} is declared twice`);
      this.contracts.set(type, contract);
    }
  }

  /** Sorted by type, so the document reads (and diffs) the same on every start. */
  all(): readonly EventContract[] {
    return [...this.contracts.values()].sort((a, b) => a.event.type.localeCompare(b.event.type));
  }
}
