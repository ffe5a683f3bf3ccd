import { DynamicModule, Module } from '@nestjs/common';
import type { EventContract } from './event-contract';
import { EventCatalog } from './event-catalog';

/**
 * How a module declares the events it publishes, next to its other imports:
 * `PublishedEventsModule.forFeature(APPLICATION_EVENT_CONTRACTS)`.
 */
@Module({})
export class PublishedEventsModule {
  static forFeature(contracts: readonly EventContract[]): DynamicModule {
    return {
      module: PublishedEventsModule,
      providers: [
        {
          provide: Symbol('published events'),
          useFactory: (catalog: EventCatalog) => {
            catalog.register(contracts);
            return contracts;
          },
          inject: [EventCatalog],
        },
      ],
    };
  }
}
