import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { CatalogModule } from '@servertree/catalog';
import { ServersModule } from '@servertree/servers';
import { WebhooksModule } from '@servertree/webhooks';
import { MessagingModule } from '@servertree/messaging';
import { AppConfig, AuthModule, IdempotencyModule, PlatformModule } from '@servertree/platform';
import { migrations } from '../../../migrations';
import { HealthModule } from './health/health.module';

/** The composition root: which modules make up ServerTree, and nothing else. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, migrations, logger),
        MessagingModule.forRoot(config),
        AuthModule,
        IdempotencyModule,
        HealthModule,
        CatalogModule,
        ServersModule,
        WebhooksModule,
      ],
    };
  }
}
