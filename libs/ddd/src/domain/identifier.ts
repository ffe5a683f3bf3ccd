import { v7 as uuidv7, validate } from 'uuid';
import { InvalidInputError } from './errors';

/**
 * Ids are UUID v7: time-ordered, so new rows append to the primary-key index instead of
 * splitting random pages, and an id already tells roughly when the thing was created.
 */
export const Identifier = {
  generate(): string {
    return uuidv7();
  },

  /** Whether `value` is a canonical UUID in either case: safe to compare against id columns. */
  isValid(value: unknown): value is string {
    return typeof value === 'string' && validate(value.toLowerCase());
  },

  /** Accepts any canonical UUID, in either case, and returns it in lower case. */
  parse(value: string, field = 'id'): string {
    const normalised = value.toLowerCase();
    if (!validate(normalised)) {
      throw InvalidInputError.single(
        field,
        `${field} must be a UUID in canonical 36-character form`,
      );
    }
    return normalised;
  },
};
