import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, MigrationInterface } from 'typeorm';
import { Clock, SystemClock } from '@servertree/ddd';
import { AppConfig } from './config/app-config';
import { CommittedEventsBridge } from './persistence/committed-events.bridge';
import { cqrsWithUnitOfWork } from './persistence/cqrs-with-unit-of-work.module';
import { dataSourceOptions } from './persistence/data-source-options';
import { runMigrations } from './persistence/run-migrations';
import { UnitOfWork } from './persistence/unit-of-work';
import { ServiceShutdown } from './support/service-shutdown';

/**
 * What every module relies on and nobody should wire twice: configuration, the database
 * (migrated before anything uses it), the transactional command bus and the clock. Global, so
 * aggregate modules import only what is theirs.
 */
@Global()
@Module({})
export class PlatformModule {
  /** @param migrations the schema history, owned by the app (see /migrations). */
  static forRoot(config: AppConfig, migrations: (new () => MigrationInterface)[]): DynamicModule {
    return {
      module: PlatformModule,
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
        cqrsWithUnitOfWork(),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useClass: SystemClock },
        UnitOfWork,
        CommittedEventsBridge,
        ServiceShutdown,
      ],
      exports: [AppConfig, Clock, UnitOfWork, TypeOrmModule, ServiceShutdown],
    };
  }
}
