import { DomainEvent } from '@servertree/shared-kernel/domain';

export class ServerDiscarded extends DomainEvent<Record<string, never>> {
  static readonly type = 'server.server.discarded';
  readonly type = ServerDiscarded.type;
}
