import { Query } from '@nestjs/cqrs';

/**
 * The live servers an application is installed on, as ids: what the reaction to a discarded
 * application walks through, uninstalling it from each server in a command of its own.
 */
export class ListServersWithApplicationQuery extends Query<string[]> {
  constructor(readonly applicationId: string) {
    super();
  }
}
