import { DomainEvent } from '@servertree/ddd';
import { ServerSnapshot } from '../server.snapshot';

export class ServerRegistered extends DomainEvent<ServerSnapshot> {
  static readonly type = 'server.server.registered';
  readonly type = ServerRegistered.type;
}
