import { ConflictError } from '@servertree/ddd';

/** A discarded application stays in the catalogue's history but is installed nowhere anymore. */
export class DiscardedApplicationError extends ConflictError {
  constructor(applicationId: string) {
    super(`application ${applicationId} is discarded and can no longer be installed`);
  }
}
