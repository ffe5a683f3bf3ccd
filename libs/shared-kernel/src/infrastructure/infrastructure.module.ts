import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, MigrationInterface } from 'typeorm';
import { Clock, SystemClock } from '../application';
import { AppConfig } from './config/app-config';
import { CommittedEventsBridge } from './events/committed-events.bridge';
import { DomainEventRecord } from './events/domain-event.record';
import { EventStore } from './events/event-store';
import { MessagingModule } from './messaging/messaging.module';
import { cqrsWithUnitOfWork } from './persistence/cqrs-with-unit-of-work.module';
import { dataSourceOptions } from './persistence/data-source-options';
import { runMigrations } from './persistence/run-migrations';
import { UnitOfWork } from './persistence/unit-of-work';

/**
 * What every module relies on and nobody should wire twice: configuration, the database
 * (migrated before anything uses it), the transactional command bus, the event store, event
 * delivery and the clock. Global, so aggregate modules import only what is theirs.
 */
@Global()
@Module({})
export class InfrastructureModule {
  /** @param migrations the schema history, owned by the app (see /migrations). */
  static forRoot(config: AppConfig, migrations: (new () => MigrationInterface)[]): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config.database, { migrations }),
            autoLoadEntities: true,
            retryAttempts: 3,
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            if (config.runMigrations) await runMigrations(dataSource);
            return dataSource;
          },
        }),
        TypeOrmModule.forFeature([DomainEventRecord]),
        cqrsWithUnitOfWork(),
        MessagingModule.forRoot(config),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useClass: SystemClock },
        UnitOfWork,
        EventStore,
        CommittedEventsBridge,
      ],
      exports: [AppConfig, Clock, UnitOfWork, EventStore, TypeOrmModule, MessagingModule],
    };
  }
}
