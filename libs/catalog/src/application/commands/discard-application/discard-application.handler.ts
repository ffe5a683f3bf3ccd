import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CommandAcknowledgement, loadForChange } from '@servertree/ddd';
import { ApplicationRepository } from '../../../domain/application.repository.port';
import { DiscardApplicationCommand } from './discard-application.command';

/**
 * Soft delete: the application stays readable by id and in its history. Servers that have it
 * installed learn about it from `server.application.discarded` and uninstall it themselves.
 */
@CommandHandler(DiscardApplicationCommand)
export class DiscardApplicationHandler implements ICommandHandler<DiscardApplicationCommand> {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: DiscardApplicationCommand): Promise<CommandAcknowledgement> {
    const application = await loadForChange(
      this.applications.findById(command.applicationId),
      'Application',
      command.applicationId,
      command.expectedRevision,
    );
    application.discard(this.clock.now());
    await this.applications.save(application);
    return { id: application.id, revision: application.revision };
  }
}
