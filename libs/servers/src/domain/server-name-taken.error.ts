import { ConflictError } from '@servertree/ddd';

/** Live servers have unique names, compared case-insensitively. */
export class ServerNameTakenError extends ConflictError {
  constructor(name: string) {
    super(`a server named "${name}" is already registered`);
  }
}
