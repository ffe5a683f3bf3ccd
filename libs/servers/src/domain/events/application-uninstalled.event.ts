import { DomainEvent } from '@servertree/ddd';
import type { UninstallReason } from '../installations/uninstall-reason';

export class ApplicationUninstalled extends DomainEvent<{
  readonly applicationId: string;
  readonly reason: UninstallReason;
}> {}
