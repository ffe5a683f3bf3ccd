import { InvalidInputError, Violation } from '../domain';

/** The violations `action` is refused with; fails the test if it is not refused as invalid. */
export function violationsOf(action: () => unknown): Violation[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidInputError) return [...error.violations];
    throw error;
  }
  throw new Error('expected InvalidInputError');
}
