import { requirePattern, TextValue } from '@servertree/ddd';

export const TAG_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/**
 * A label operators group servers by (`web`, `eu-west-1`, `team.payments`): lower case, so
 * `Web` and `web` can never become two tags that filters tell apart.
 */
export class Tag extends TextValue {
  static create(field: string, value: unknown): Tag {
    return new Tag(
      requirePattern(
        field,
        value,
        TAG_PATTERN,
        "a tag: 1–64 lower-case letters, digits, '_', '.' or '-', starting with a letter or digit",
      ),
    );
  }
}
