import { DomainEvent } from '@servertree/shared-kernel/domain';
import { ServerSnapshot } from '../server.snapshot';

export class ServerRegistered extends DomainEvent<ServerSnapshot> {
  static readonly type = 'server.server.registered';
  readonly type = ServerRegistered.type;
}
