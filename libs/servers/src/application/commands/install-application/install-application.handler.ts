import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, loadForChange } from '@servertree/ddd';
import { ServerRepository } from '../../../domain/server.repository.port';
import { ApplicationCatalogueLoader } from '../../application-catalogue.loader';
import { acknowledgeServer } from '../server-acknowledgement';
import { InstallAcknowledgement, InstallApplicationCommand } from './install-application.command';

@CommandHandler(InstallApplicationCommand)
export class InstallApplicationHandler implements ICommandHandler<InstallApplicationCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly catalogueLoader: ApplicationCatalogueLoader,
    private readonly clock: Clock,
  ) {}

  async execute(command: InstallApplicationCommand): Promise<InstallAcknowledgement> {
    const server = await loadForChange(
      this.servers.findById(command.serverId),
      'Server',
      command.serverId,
      command.expectedRevision,
    );
    const catalogue = await this.catalogueLoader.load([command.installation.applicationId]);
    const outcome = server.installApplication(command.installation, catalogue, this.clock.now());
    await this.servers.save(server);
    return { ...acknowledgeServer(server, catalogue.labels), outcome };
  }
}
