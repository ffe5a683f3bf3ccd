export { ServersModule } from './servers.module';
export { UninstallApplicationCommand } from './application/commands/uninstall-application/uninstall-application.command';
export { ListServersWithApplicationQuery } from './application/queries/list-servers-with-application/list-servers-with-application.query';
export { ApplicationDiscardedConsumer } from './infrastructure/messaging/application-discarded.consumer';
