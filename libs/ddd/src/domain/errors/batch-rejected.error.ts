import { DomainError } from './domain.error';

/** One failing item of a batch: where it sits in the request, and why it failed. */
export interface ItemFailure {
  /** e.g. `items[3].name`, `ids[2]`. */
  readonly field: string;
  readonly message: string;
  /** What the item failed with; its kind decides how the whole batch is answered. */
  readonly error: DomainError;
}

/**
 * An all-or-nothing batch whose items failed: it names every failing item, so that a client
 * fixes its request in one round trip, and nothing of the batch was applied.
 */
export class BatchRejectedError extends DomainError {
  constructor(readonly failures: readonly ItemFailure[]) {
    super(failures.map((failure) => failure.message).join('; '));
  }
}
