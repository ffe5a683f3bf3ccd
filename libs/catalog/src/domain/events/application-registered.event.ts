import { DomainEvent } from '@servertree/ddd';
import { ApplicationSnapshot } from '../application.snapshot';

export class ApplicationRegistered extends DomainEvent<ApplicationSnapshot> {
  static readonly type = 'server.application.registered';
  readonly type = ApplicationRegistered.type;
}
