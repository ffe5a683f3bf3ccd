import { DynamicModule, Module } from '@nestjs/common';
import { CatalogModule } from '@servertree/catalog';
import { ServersModule } from '@servertree/servers';
import { AuthModule } from '@servertree/shared-kernel/infrastructure/auth/auth.module';
import { AppConfig } from '@servertree/shared-kernel/infrastructure/config/app-config';
import { IdempotencyModule } from '@servertree/shared-kernel/infrastructure/http/idempotency/idempotency.module';
import { InfrastructureModule } from '@servertree/shared-kernel/infrastructure/infrastructure.module';
import { migrations } from '../../../migrations';
import { HealthModule } from './health/health.module';

/** The composition root: which modules make up ServerTree, and nothing else. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config, migrations),
        AuthModule,
        IdempotencyModule,
        HealthModule,
        CatalogModule,
        ServersModule,
      ],
    };
  }
}
