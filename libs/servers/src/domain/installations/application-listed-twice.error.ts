import { ConflictError } from '@servertree/ddd';

/** A server has each application installed at most once, so a registration lists it once. */
export class ApplicationListedTwiceError extends ConflictError {
  constructor(applicationId: string) {
    super(`application ${applicationId} is listed more than once; install it once per server`);
  }
}
