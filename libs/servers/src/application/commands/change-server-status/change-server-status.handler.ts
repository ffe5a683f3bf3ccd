import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, loadForChange } from '@servertree/ddd';
import { ServerRepository } from '../../../domain/server.repository.port';
import { acknowledgeServer, ServerAcknowledgement } from '../server-acknowledgement';
import { ChangeServerStatusCommand } from './change-server-status.command';

@CommandHandler(ChangeServerStatusCommand)
export class ChangeServerStatusHandler implements ICommandHandler<ChangeServerStatusCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangeServerStatusCommand): Promise<ServerAcknowledgement> {
    const server = await loadForChange(
      this.servers.findById(command.serverId),
      'Server',
      command.serverId,
      command.expectedRevision,
    );
    server.changeStatus(command.status, this.clock.now());
    await this.servers.save(server);
    return acknowledgeServer(server);
  }
}
