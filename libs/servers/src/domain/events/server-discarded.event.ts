import { DomainEvent } from '@servertree/ddd';

export class ServerDiscarded extends DomainEvent<Record<string, never>> {}
