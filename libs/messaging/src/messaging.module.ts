import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventHistory } from './history/event-history.port';
import { GetEventHistoryHandler } from './history/get-event-history/get-event-history.handler';
import { Clock } from '@servertree/ddd';
import { AppConfig, Metrics, UnitOfWork } from '@servertree/platform';
import { AsyncApiController } from './asyncapi/asyncapi.controller';
import { ChangeFeed } from './feed/change-feed';
import { ChangeFeedController } from './feed/change-feed.controller';
import { FeedSequencer } from './feed/feed-sequencer';
import { ReadChangeFeedHandler } from './feed/read-change-feed/read-change-feed.handler';
import { Inbox } from './consumers/inbox';
import { InboxRecord } from './consumers/inbox.record';
import { IntegrationEventConsumers } from './consumers/integration-event-consumers';
import { IntegrationEventDispatcher } from './consumers/integration-event-dispatcher';
import { EventCatalog } from './contracts/event-catalog';
import { EventTransport } from './event-transport';
import { TypeOrmEventHistory } from './history/typeorm-event-history';
import { InProcessTransport } from './in-process/in-process.transport';
import { OutboxSaga } from './outbox/outbox.saga';
import { OutboxBacklog } from './outbox/outbox-backlog';
import { OutboxLease } from './outbox/outbox-lease';
import { OutboxLeaseRecord } from './outbox/outbox-lease.record';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxRecord } from './outbox/outbox.record';
import { OutboxWriter } from './outbox/outbox-writer';
import { rabbitMqProviders } from './rabbitmq/rabbitmq.providers';

/**
 * Everything between a domain event and its subscribers (ADR 3): the outbox (its writer, for
 * the modules' repositories, the saga that wakes its relay after commit, the relay and its
 * lease), the transport (RabbitMQ, or in-process when RABBITMQ_URL is not set), integration
 * event consumers with their inbox, the change feed, the event history and the AsyncAPI document. Global, so
 * every module's repository gets the outbox writer without wiring it.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MessagingModule,
      imports: [
        DiscoveryModule,
        TypeOrmModule.forFeature([OutboxRecord, OutboxLeaseRecord, InboxRecord]),
      ],
      controllers: [AsyncApiController, ChangeFeedController],
      providers: [
        ...(config.broker
          ? rabbitMqProviders(config.broker)
          : [{ provide: EventTransport, useClass: InProcessTransport }]),
        {
          provide: OutboxLease,
          useFactory: (unitOfWork: UnitOfWork, clock: Clock) =>
            new OutboxLease(unitOfWork, clock, config.outboxLeaseSeconds * 1000),
          inject: [UnitOfWork, Clock],
        },
        OutboxWriter,
        {
          provide: OutboxRelay,
          useFactory: (
            lease: OutboxLease,
            transport: EventTransport,
            clock: Clock,
            metrics: Metrics,
          ) => new OutboxRelay(lease, transport, clock, metrics, config.logLevel === 'debug'),
          inject: [OutboxLease, EventTransport, Clock, Metrics],
        },
        OutboxBacklog,
        OutboxSaga,
        IntegrationEventConsumers,
        IntegrationEventDispatcher,
        Inbox,
        EventCatalog,
        { provide: EventHistory, useClass: TypeOrmEventHistory },
        GetEventHistoryHandler,
        FeedSequencer,
        ChangeFeed,
        ReadChangeFeedHandler,
      ],
      exports: [
        OutboxWriter,
        EventTransport,
        EventCatalog,
        OutboxBacklog,
        ChangeFeed,
        FeedSequencer,
      ],
    };
  }
}
