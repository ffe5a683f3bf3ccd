import { DomainEvent } from '@servertree/ddd';
import { UninstallReason } from '../installations/uninstall-reason';

export interface ApplicationUninstalledData {
  readonly applicationId: string;
  readonly reason: UninstallReason;
}

export class ApplicationUninstalled extends DomainEvent<ApplicationUninstalledData> {
  static readonly type = 'server.server.application_uninstalled';
  readonly type = ApplicationUninstalled.type;
}
