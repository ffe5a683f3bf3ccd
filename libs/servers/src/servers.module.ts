import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@servertree/catalog';
import { AppConfig, KeyRing } from '@servertree/platform';
import { PublishedEventsModule } from '@servertree/messaging';
import { ApplicationCatalogueLoader } from './application/application-catalogue.loader';
import { BulkDiscardServersHandler } from './application/commands/bulk-discard-servers/bulk-discard-servers.handler';
import { BulkModifyServersHandler } from './application/commands/bulk-modify-servers/bulk-modify-servers.handler';
import { BulkRegisterServersHandler } from './application/commands/bulk-register-servers/bulk-register-servers.handler';
import { ExportServersHandler } from './application/queries/export-servers/export-servers.handler';
import { AddCredentialHandler } from './application/commands/add-credential/add-credential.handler';
import { ChangeServerStatusHandler } from './application/commands/change-server-status/change-server-status.handler';
import { DiscardServerHandler } from './application/commands/discard-server/discard-server.handler';
import { InstallApplicationHandler } from './application/commands/install-application/install-application.handler';
import { ModifyCredentialHandler } from './application/commands/modify-credential/modify-credential.handler';
import { ModifyServerHandler } from './application/commands/modify-server/modify-server.handler';
import { RegisterServerHandler } from './application/commands/register-server/register-server.handler';
import { RemoveCredentialHandler } from './application/commands/remove-credential/remove-credential.handler';
import { RevealCredentialHandler } from './application/commands/reveal-credential/reveal-credential.handler';
import { UninstallApplicationHandler } from './application/commands/uninstall-application/uninstall-application.handler';
import { CommittedServersHandler } from './application/queries/committed-servers/committed-servers.handler';
import { GetServerHandler } from './application/queries/get-server/get-server.handler';
import { ListServersWithApplicationHandler } from './application/queries/list-servers-with-application/list-servers-with-application.handler';
import { ListServersHandler } from './application/queries/list-servers/list-servers.handler';
import { ServerReadModel } from './application/queries/server.read-model.port';
import { PasswordVault } from './domain/credentials/password-vault.port';
import { ServerRepository } from './domain/server.repository.port';
import { AesGcmPasswordVault } from './infrastructure/crypto/aes-gcm-password.vault';
import { ServerApplicationsController } from './infrastructure/http/server-applications.controller';
import { ServerCredentialsController } from './infrastructure/http/server-credentials.controller';
import { ServerEventsController } from './infrastructure/http/server-events.controller';
import { ServersController } from './infrastructure/http/servers.controller';
import { ServersBulkController } from './infrastructure/http/servers-bulk.controller';
import { ApplicationDiscardedConsumer } from './infrastructure/messaging/application-discarded.consumer';
import { SERVER_PUBLISHED_EVENTS } from './infrastructure/messaging/server-published-events';
import { ServerApplicationRecord } from './infrastructure/persistence/server-application.record';
import { ServerCredentialRecord } from './infrastructure/persistence/server-credential.record';
import { ServerRecord } from './infrastructure/persistence/server.record';
import { ServerTagRecord } from './infrastructure/persistence/server-tag.record';
import { TypeOrmServerReadModel } from './infrastructure/persistence/typeorm-server.read-model';
import { TypeOrmServerRepository } from './infrastructure/persistence/typeorm-server.repository';

/**
 * The server inventory (the Server aggregate, its credentials and installed applications).
 * It asks the catalogue about applications only through the catalogue's ApplicationDirectory.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ServerRecord,
      ServerCredentialRecord,
      ServerApplicationRecord,
      ServerTagRecord,
    ]),
    PublishedEventsModule.forFeature(SERVER_PUBLISHED_EVENTS),
    CatalogModule,
  ],
  controllers: [
    ServersController,
    ServersBulkController,
    ServerCredentialsController,
    ServerApplicationsController,
    ServerEventsController,
  ],
  providers: [
    RegisterServerHandler,
    BulkRegisterServersHandler,
    BulkModifyServersHandler,
    BulkDiscardServersHandler,
    ExportServersHandler,
    ModifyServerHandler,
    ChangeServerStatusHandler,
    DiscardServerHandler,
    AddCredentialHandler,
    ModifyCredentialHandler,
    RemoveCredentialHandler,
    RevealCredentialHandler,
    InstallApplicationHandler,
    UninstallApplicationHandler,
    GetServerHandler,
    CommittedServersHandler,
    ListServersHandler,
    ListServersWithApplicationHandler,
    ApplicationCatalogueLoader,
    ApplicationDiscardedConsumer,
    { provide: ServerRepository, useClass: TypeOrmServerRepository },
    { provide: ServerReadModel, useClass: TypeOrmServerReadModel },
    {
      // Built at start, so a malformed CREDENTIALS_KEY stops the service before it serves.
      provide: PasswordVault,
      useFactory: (config: AppConfig) => new AesGcmPasswordVault(KeyRing.fromConfig(config)),
      inject: [AppConfig],
    },
  ],
})
export class ServersModule {}
