import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CommandAcknowledgement, loadForChange } from '@servertree/ddd';
import { ServerRepository } from '../../../domain/server.repository.port';
import { DiscardServerCommand } from './discard-server.command';

/** Soft delete: the server stays readable by id and in its history; its name is free again. */
@CommandHandler(DiscardServerCommand)
export class DiscardServerHandler implements ICommandHandler<DiscardServerCommand> {
  constructor(
    private readonly servers: ServerRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: DiscardServerCommand): Promise<CommandAcknowledgement> {
    const server = await loadForChange(
      this.servers.findById(command.serverId),
      'Server',
      command.serverId,
      command.expectedRevision,
    );
    server.discard(this.clock.now());
    await this.servers.save(server);
    return { id: server.id, revision: server.revision };
  }
}
