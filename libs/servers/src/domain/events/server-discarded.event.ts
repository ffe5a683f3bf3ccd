import { DomainEvent } from '@servertree/ddd';

export class ServerDiscarded extends DomainEvent<Record<string, never>> {
  static readonly type = 'server.server.discarded';
  readonly type = ServerDiscarded.type;
}
