import { InvalidInputError, ValueObject } from '@servertree/ddd';

const WORD = /^([a-z0-9_-]{1,64}|\*|#)$/;
const MAX_PATTERNS = 32;

/**
 * Which event types a subscription receives: 1–32 AMQP topic patterns (`server.server.*`,
 * `server.#`), as a queue binding would say it; kept sorted and without repeats.
 */
export class EventTypePatterns extends ValueObject<{ patterns: readonly string[] }> {
  static create(value: unknown, field = 'eventTypes'): EventTypePatterns {
    if (!Array.isArray(value) || value.length < 1 || value.length > MAX_PATTERNS) {
      throw InvalidInputError.single(
        field,
        `${field} must be a list of 1–${MAX_PATTERNS} topic patterns, e.g. ["server.server.*"]`,
      );
    }
    const violations = value.flatMap((pattern: unknown, index) =>
      isPattern(pattern)
        ? []
        : [
            {
              field: `${field}[${index}]`,
              message: `${field}[${index}] must be dot-separated words (a-z, 0-9, _ or -), * or #`,
            },
          ],
    );
    if (violations.length > 0) throw new InvalidInputError(violations);
    return new EventTypePatterns({ patterns: [...new Set(value as string[])].sort() });
  }

  get patterns(): readonly string[] {
    return this.props.patterns;
  }

  toJSON(): readonly string[] {
    return this.props.patterns;
  }
}

function isPattern(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 255 &&
    value.split('.').every((word) => WORD.test(word))
  );
}
