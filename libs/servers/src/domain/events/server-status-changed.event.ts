import { DomainEvent } from '@servertree/ddd';
import type { ServerStatus } from '../server-status.value-object';

export class ServerStatusChanged extends DomainEvent<{
  readonly from: ServerStatus;
  readonly to: ServerStatus;
}> {}
