import { DomainEvent } from '@servertree/ddd';
import type { InstalledApplication } from '../installations/installed-application.value-object';

/** Recorded again when an installed application moves: the directories now in force. */
export class ApplicationInstalled extends DomainEvent<{
  readonly installation: InstalledApplication;
}> {}
