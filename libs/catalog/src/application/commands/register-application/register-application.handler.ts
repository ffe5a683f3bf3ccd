import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { acknowledge, Clock, Identifier } from '@servertree/ddd';
import { Application } from '../../../domain/application.aggregate';
import { ApplicationRepository } from '../../../domain/application.repository.port';
import { ApplicationAcknowledgement } from '../application-acknowledgement';
import { RegisterApplicationCommand } from './register-application.command';

@CommandHandler(RegisterApplicationCommand)
export class RegisterApplicationHandler implements ICommandHandler<RegisterApplicationCommand> {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterApplicationCommand): Promise<ApplicationAcknowledgement> {
    const application = Application.register(Identifier.generate(), command, this.clock.now());
    await this.applications.save(application);
    return acknowledge(application);
  }
}
