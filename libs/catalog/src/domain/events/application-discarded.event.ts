import { DomainEvent } from '@servertree/ddd';

export class ApplicationDiscarded extends DomainEvent<Record<string, never>> {
  static readonly type = 'server.application.discarded';
  readonly type = ApplicationDiscarded.type;
}
