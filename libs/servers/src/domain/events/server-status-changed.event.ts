import { DomainEvent } from '@servertree/ddd';
import { ServerStatusName } from '../server-status.value-object';

export interface ServerStatusChangedData {
  readonly from: ServerStatusName;
  readonly to: ServerStatusName;
}

export class ServerStatusChanged extends DomainEvent<ServerStatusChangedData> {
  static readonly type = 'server.server.status_changed';
  readonly type = ServerStatusChanged.type;
}
