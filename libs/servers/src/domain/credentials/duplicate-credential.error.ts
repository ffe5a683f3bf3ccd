import { ConflictError } from '@servertree/ddd';

/** A server holds at most one credential per (connection type, username). */
export class DuplicateCredentialError extends ConflictError {
  constructor(connectionType: string, username: string) {
    super(`the server already has a ${connectionType} credential for username "${username}"`);
  }
}
