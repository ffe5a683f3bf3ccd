import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, loadForChange } from '@servertree/ddd';
import { ServerRepository } from '../../../domain/server.repository.port';
import { acknowledgeServer, ServerAcknowledgement } from '../server-acknowledgement';
import { ModifyServerCommand } from './modify-server.command';

@CommandHandler(ModifyServerCommand)
export class ModifyServerHandler implements ICommandHandler<ModifyServerCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ModifyServerCommand): Promise<ServerAcknowledgement> {
    const server = await loadForChange(
      this.servers.findById(command.serverId),
      'Server',
      command.serverId,
      command.expectedRevision,
    );
    server.modify(command.changes, this.clock.now());
    await this.servers.save(server);
    return acknowledgeServer(server);
  }
}
