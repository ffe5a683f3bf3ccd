import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { acknowledge, AggregateAcknowledgement, Clock, loadForChange } from '@servertree/ddd';
import { Application } from '../../../domain/application.aggregate';
import { ApplicationRepository } from '../../../domain/application.repository.port';
import { ModifyApplicationCommand } from './modify-application.command';

@CommandHandler(ModifyApplicationCommand)
export class ModifyApplicationHandler implements ICommandHandler<ModifyApplicationCommand> {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: ModifyApplicationCommand): Promise<AggregateAcknowledgement<Application>> {
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
