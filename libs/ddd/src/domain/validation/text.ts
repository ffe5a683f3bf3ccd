import { InvalidInputError } from '../errors';

export interface TextRule {
  readonly min: number;
  readonly max: number;
  /** Trim before measuring; a name of spaces is no name. */
  readonly trim?: boolean;
}

/** The length rule most string value objects share, with one wording for all of them. */
export function requireText(field: string, value: unknown, rule: TextRule): string {
  requirePresent(field, value);
  if (typeof value !== 'string') {
    throw InvalidInputError.single(field, `${field} must be a string`);
  }
  const text = rule.trim ? value.trim() : value;
  if (text.length < rule.min || text.length > rule.max) {
    const trimmed = rule.trim ? ' after trimming' : '';
    throw InvalidInputError.single(
      field,
      `${field} must be ${rule.min}–${rule.max} characters long${trimmed} (got ${text.length})`,
    );
  }
  return text;
}

/** Integer bounds, with the same wording wherever a number is bounded. */
export function requireInteger(field: string, value: unknown, min: number, max: number): number {
  requirePresent(field, value);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw InvalidInputError.single(field, `${field} must be an integer`);
  }
  if (value < min || value > max) {
    throw InvalidInputError.single(
      field,
      `${field} must be between ${min} and ${max} (got ${value})`,
    );
  }
  return value;
}

/** A pattern rule; `describe` says in words what the pattern demands. */
export function requirePattern(
  field: string,
  value: unknown,
  pattern: RegExp,
  describe: string,
): string {
  requirePresent(field, value);
  if (typeof value !== 'string') {
    throw InvalidInputError.single(field, `${field} must be a string`);
  }
  if (!pattern.test(value)) {
    throw InvalidInputError.single(
      field,
      `${field} must be ${describe} (got "${truncate(value)}")`,
    );
  }
  return value;
}

/** A list of `min`–`max` entries; what each entry must be is for the entries' own rule. */
export function requireList(
  field: string,
  value: unknown,
  min: number,
  max: number,
): readonly unknown[] {
  requirePresent(field, value);
  if (!Array.isArray(value)) throw InvalidInputError.single(field, `${field} must be a list`);
  if (value.length < min || value.length > max) {
    throw InvalidInputError.single(
      field,
      `${field} must hold ${min}–${max} entries (got ${value.length})`,
    );
  }
  return value;
}

/**
 * An optional field: absent (undefined, or null to clear it in a partial update) is null,
 * anything else must pass `rule`.
 */
export function optional<T>(value: unknown, rule: (present: unknown) => T): T | null {
  return value === undefined || value === null ? null : rule(value);
}

function requirePresent(field: string, value: unknown): void {
  if (value === undefined || value === null) {
    throw InvalidInputError.single(field, `${field} is required`);
  }
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
