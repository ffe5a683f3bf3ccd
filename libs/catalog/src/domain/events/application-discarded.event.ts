import { DomainEvent } from '@servertree/ddd';

export class ApplicationDiscarded extends DomainEvent<Record<string, never>> {}
