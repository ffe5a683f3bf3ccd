import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, MigrationInterface } from 'typeorm';
import { Clock, SystemClock } from '@servertree/ddd';
import { AppConfig } from './config/app-config';
import { loggingModule } from './logging/logging.module';
import { CommandObserver } from './metrics/command-observer';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { CommittedEventsBridge } from './persistence/committed-events.bridge';
import { cqrsWithUnitOfWork } from './persistence/cqrs-with-unit-of-work.module';
import { Dialect } from './persistence/dialect';
import { runMigrations } from './persistence/run-migrations';
import { UnitOfWork } from './persistence/unit-of-work';
import { ServiceShutdown } from './support/service-shutdown';

/**
 * What every module relies on and nobody should wire twice: configuration, logging, metrics
 * (and `GET /metrics`), the database (migrated before anything uses it), the transactional
 * command bus and the clock. Global, so aggregate modules import only what is theirs.
 */
@Global()
@Module({})
export class PlatformModule {
  /**
   * @param migrations the schema history, owned by the app (see /migrations).
   * @param logger the process's pino logger (createRootLogger), made before Nest starts.
   */
  static forRoot(
    config: AppConfig,
    migrations: (new () => MigrationInterface)[],
    logger: Logger,
  ): DynamicModule {
    const dialect = Dialect.of(config.database);
    return {
      module: PlatformModule,
      controllers: [MetricsController],
      imports: [
        loggingModule(logger),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dialect.dataSourceOptions({ migrations }),
            autoLoadEntities: true,
            retryAttempts: 3,
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            if (config.runMigrations) await runMigrations(dataSource, dialect);
            return dataSource;
          },
        }),
        cqrsWithUnitOfWork(),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useClass: SystemClock },
        { provide: Dialect, useValue: dialect },
        UnitOfWork,
        CommittedEventsBridge,
        Metrics,
        CommandObserver,
        ServiceShutdown,
      ],
      exports: [
        AppConfig,
        Clock,
        Dialect,
        UnitOfWork,
        TypeOrmModule,
        Metrics,
        CommandObserver,
        ServiceShutdown,
      ],
    };
  }
}
