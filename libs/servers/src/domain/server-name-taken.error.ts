import { ConflictError } from '@servertree/ddd';

/** Live servers have unique names, compared case-insensitively. */
export class ServerNameTakenError extends ConflictError {
  /** @param name unknown when several servers were written at once and the database refused one */
  constructor(name?: string) {
    super(
      name === undefined
        ? 'another live server already has one of these names'
        : `a server named "${name}" is already registered`,
    );
  }
}
