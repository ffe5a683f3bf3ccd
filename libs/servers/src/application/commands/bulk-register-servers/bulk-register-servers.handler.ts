import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BatchFailures, Clock, Identifier } from '@servertree/ddd';
import { PasswordVault } from '../../../domain/credentials/password-vault.port';
import { requireServerBatch } from '../../../domain/server-batch';
import { Server, ServerRegistration } from '../../../domain/server.aggregate';
import { ServerRepository } from '../../../domain/server.repository.port';
import { ApplicationCatalogueLoader } from '../../application-catalogue.loader';
import { acknowledgeServer, ServerAcknowledgement } from '../server-acknowledgement';
import { BatchEntry, refuseDuplicateNames } from '../unique-server-names';
import { BulkRegisterServersCommand } from './bulk-register-servers.command';

/**
 * All or nothing, like a single registration: every item is registered in memory first, and
 * every failing one is reported; only a clean batch is written, in one transaction, with one
 * `registered` event per server. The catalogue is read once for all items.
 */
@CommandHandler(BulkRegisterServersCommand)
export class BulkRegisterServersHandler implements ICommandHandler<BulkRegisterServersCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly catalogueLoader: ApplicationCatalogueLoader,
    private readonly vault: PasswordVault,
    private readonly clock: Clock,
  ) {}

  async execute(command: BulkRegisterServersCommand): Promise<ServerAcknowledgement[]> {
    const registrations = requireServerBatch(
      'items',
      command.registrations,
    ) as ServerRegistration[];
    const catalogue = await this.catalogueLoader.load(
      registrations.flatMap((registration) =>
        (registration.applications ?? []).map((installation) => installation.applicationId),
      ),
    );
    const at = this.clock.now();
    const failures = new BatchFailures();
    const entries: BatchEntry[] = [];
    registrations.forEach((registration, index) => {
      const server = failures.attempt(`items[${index}]`, () =>
        Server.register(Identifier.generate(), registration, { vault: this.vault, catalogue }, at),
      );
      if (server) entries.push({ index, server });
    });
    await refuseDuplicateNames(entries, this.servers, failures);
    failures.throwIfAny();
    const servers = entries.map(({ server }) => server);
    await this.servers.saveAll(servers);
    return servers.map((server) => acknowledgeServer(server, catalogue.labels));
  }
}
