import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { acknowledge, Clock, loadForChange } from '@servertree/ddd';
import { ApplicationRepository } from '../../../domain/application.repository.port';
import { ApplicationAcknowledgement } from '../application-acknowledgement';
import { ModifyApplicationCommand } from './modify-application.command';

@CommandHandler(ModifyApplicationCommand)
export class ModifyApplicationHandler implements ICommandHandler<ModifyApplicationCommand> {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ModifyApplicationCommand): Promise<ApplicationAcknowledgement> {
    const application = await loadForChange(
      this.applications.findById(command.applicationId),
      'Application',
      command.applicationId,
      command.expectedRevision,
    );
    application.modify(command.changes, this.clock.now());
    await this.applications.save(application);
    return acknowledge(application);
  }
}
