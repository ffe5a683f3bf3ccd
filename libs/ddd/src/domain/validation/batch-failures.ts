import { BatchRejectedError, DomainError, InvalidInputError, ItemFailure } from '../errors';
import { withinField } from './validate-all';

/**
 * Collects what went wrong with the items of a batch while every item is still tried, then
 * refuses the batch as a whole with all of it (BatchRejectedError).
 */
export class BatchFailures {
  private readonly failures: ItemFailure[] = [];

  /**
   * Runs one item's work. Broken rules are anchored under the item (`items[3].name`); any
   * other domain error (not found, discarded, stale) is recorded at `field`.
   * @returns the work's result, or undefined when the item failed
   */
  attempt<T>(item: string, work: () => T, field = item): T | undefined {
    try {
      return withinField(item, work);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.add(field, error);
      return undefined;
    }
  }

  /** Broken rules count as they name themselves; any other error is recorded at `field`. */
  add(field: string, error: DomainError): void {
    if (error instanceof InvalidInputError) {
      this.failures.push(...error.violations.map((violation) => ({ ...violation, error })));
    } else {
      this.failures.push({ field, message: `${field}: ${error.message}`, error });
    }
  }

  /** Refuses the batch with every failure, in the order of the items they concern. */
  throwIfAny(): void {
    if (this.failures.length === 0) return;
    throw new BatchRejectedError(
      [...this.failures].sort((a, b) => positionOf(a.field) - positionOf(b.field)),
    );
  }
}

/** The item's index in `items[3].name`; checks run in passes, the answer reads item by item. */
function positionOf(field: string): number {
  return Number(/\[(\d+)\]/.exec(field)?.[1] ?? -1);
}
