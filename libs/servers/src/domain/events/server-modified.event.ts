import { Changes, DomainEvent } from '@servertree/ddd';

export interface ServerModifiedData {
  /** Only the fields that changed, each as `{ from, to }`; operatingSystem as a whole. */
  readonly changes: Changes;
}

export class ServerModified extends DomainEvent<ServerModifiedData> {
  static readonly type = 'server.server.modified';
  readonly type = ServerModified.type;
}
