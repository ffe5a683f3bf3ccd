import { ConflictError } from '@servertree/ddd';

/** (name, version, architecture) is taken by another application that is not discarded. */
export class ApplicationAlreadyRegisteredError extends ConflictError {
  constructor(name: string, version: string, architecture: string) {
    super(
      `an application "${name}" version "${version}" for "${architecture}" is already registered`,
    );
  }
}
