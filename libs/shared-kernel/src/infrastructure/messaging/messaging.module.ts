import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventHistory } from '../../application/events/event-history.port';
import { GetEventHistoryHandler } from '../../application/events/get-event-history/get-event-history.handler';
import { AppConfig } from '../config/app-config';
import { UnitOfWork } from '../persistence/unit-of-work';
import { AsyncApiController } from './asyncapi/asyncapi.controller';
import { Inbox } from './consumers/inbox';
import { InboxRecord } from './consumers/inbox.record';
import { IntegrationEventConsumers } from './consumers/integration-event-consumers';
import { IntegrationEventDispatcher } from './consumers/integration-event-dispatcher';
import { EventCatalog } from './contracts/event-catalog';
import { EventTransport } from './event-transport';
import { TypeOrmEventHistory } from './history/typeorm-event-history';
import { InProcessTransport } from './in-process/in-process.transport';
import { CommittedEventsSaga } from './outbox/committed-events.saga';
import { DeliverPendingEventsHandler } from './outbox/deliver-pending-events.handler';
import { MySqlOutbox } from './outbox/mysql-outbox';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { SqliteOutbox } from './outbox/sqlite-outbox';
import { rabbitMqProviders } from './rabbitmq/rabbitmq.providers';

/**
 * Everything between a committed event and its subscribers (ADR 3): the saga and relay that
 * deliver the outbox, the transport (RabbitMQ, or in-process when RABBITMQ_URL is not set),
 * integration event consumers with their inbox, the event history and the AsyncAPI document.
 */
@Module({})
export class MessagingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([InboxRecord])],
      controllers: [AsyncApiController],
      providers: [
        ...(config.broker
          ? rabbitMqProviders(config.broker)
          : [{ provide: EventTransport, useClass: InProcessTransport }]),
        {
          provide: Outbox,
          useFactory: (dataSource: DataSource, unitOfWork: UnitOfWork) =>
            config.database.kind === 'mysql'
              ? new MySqlOutbox(dataSource)
              : new SqliteOutbox(unitOfWork),
          inject: [DataSource, UnitOfWork],
        },
        OutboxRelay,
        CommittedEventsSaga,
        DeliverPendingEventsHandler,
        IntegrationEventConsumers,
        IntegrationEventDispatcher,
        Inbox,
        EventCatalog,
        { provide: EventHistory, useClass: TypeOrmEventHistory },
        GetEventHistoryHandler,
      ],
      exports: [EventTransport, EventCatalog],
    };
  }
}
