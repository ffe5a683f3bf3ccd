import { Changes, DomainEvent } from '@servertree/ddd';

export interface ApplicationModifiedData {
  /** Only the fields that changed, each as `{ from, to }`. */
  readonly changes: Changes;
}

export class ApplicationModified extends DomainEvent<ApplicationModifiedData> {
  static readonly type = 'server.application.modified';
  readonly type = ApplicationModified.type;
}
