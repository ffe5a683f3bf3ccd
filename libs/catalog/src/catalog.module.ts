import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedEventsModule } from '@servertree/messaging';
import { DiscardApplicationHandler } from './application/commands/discard-application/discard-application.handler';
import { ModifyApplicationHandler } from './application/commands/modify-application/modify-application.handler';
import { RegisterApplicationHandler } from './application/commands/register-application/register-application.handler';
import { ApplicationReadModel } from './application/queries/application.read-model.port';
import { GetApplicationHandler } from './application/queries/get-application/get-application.handler';
import { ExportApplicationsHandler } from './application/queries/export-applications/export-applications.handler';
import { ListApplicationsHandler } from './application/queries/list-applications/list-applications.handler';
import { ApplicationDirectory } from './contracts/application-directory';
import { ApplicationRepository } from './domain/application.repository.port';
import { ApplicationEventsController } from './infrastructure/http/application-events.controller';
import { ApplicationsController } from './infrastructure/http/applications.controller';
import { APPLICATION_PUBLISHED_EVENTS } from './infrastructure/messaging/application-published-events';
import { ApplicationRecord } from './infrastructure/persistence/application.record';
import { TypeOrmApplicationDirectory } from './infrastructure/persistence/typeorm-application.directory';
import { TypeOrmApplicationReadModel } from './infrastructure/persistence/typeorm-application.read-model';
import { TypeOrmApplicationRepository } from './infrastructure/persistence/typeorm-application.repository';

/**
 * The applications catalogue (the Application aggregate). Named "catalog" so that paths
 * never read "application/application": here `application/` is always the layer.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ApplicationRecord]),
    PublishedEventsModule.forFeature(APPLICATION_PUBLISHED_EVENTS),
  ],
  controllers: [ApplicationsController, ApplicationEventsController],
  providers: [
    RegisterApplicationHandler,
    ModifyApplicationHandler,
    DiscardApplicationHandler,
    GetApplicationHandler,
    ListApplicationsHandler,
    ExportApplicationsHandler,
    { provide: ApplicationRepository, useClass: TypeOrmApplicationRepository },
    { provide: ApplicationReadModel, useClass: TypeOrmApplicationReadModel },
    { provide: ApplicationDirectory, useClass: TypeOrmApplicationDirectory },
  ],
  exports: [ApplicationDirectory],
})
export class CatalogModule {}
