import { DomainEvent } from '@servertree/ddd';
import { InstallationValues } from '../installations/installed-application.value-object';

/** Recorded again when an installed application moves: the directories now in force. */
export class ApplicationInstalled extends DomainEvent<InstallationValues> {
  static readonly type = 'server.server.application_installed';
  readonly type = ApplicationInstalled.type;
}
