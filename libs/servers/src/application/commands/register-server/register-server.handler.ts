import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, Identifier } from '@servertree/ddd';
import { PasswordVault } from '../../../domain/credentials/password-vault.port';
import { Server } from '../../../domain/server.aggregate';
import { ServerRepository } from '../../../domain/server.repository.port';
import { ApplicationCatalogueLoader } from '../../application-catalogue.loader';
import { acknowledgeServer, ServerAcknowledgement } from '../server-acknowledgement';
import { RegisterServerCommand } from './register-server.command';

/**
 * All or nothing: the server, its inline credentials and its installations are one aggregate
 * saved in one transaction, so a bad third credential leaves no trace of the other two.
 */
@CommandHandler(RegisterServerCommand)
export class RegisterServerHandler implements ICommandHandler<RegisterServerCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly catalogueLoader: ApplicationCatalogueLoader,
    private readonly vault: PasswordVault,
    private readonly clock: Clock,
  ) {}

  async execute({ registration }: RegisterServerCommand): Promise<ServerAcknowledgement> {
    const catalogue = await this.catalogueLoader.load(
      (registration.applications ?? []).map((installation) => installation.applicationId),
    );
    const server = Server.register(
      Identifier.generate(),
      registration,
      { vault: this.vault, catalogue },
      this.clock.now(),
    );
    await this.servers.save(server);
    return acknowledgeServer(server, catalogue.labels);
  }
}
