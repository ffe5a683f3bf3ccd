import { requirePattern } from '@servertree/ddd';

export const SLUG_MAX_LENGTH = 32;

/** Environments and connection types; the API and the event schemas show this very pattern. */
export const SLUG_PATTERN = new RegExp(`^[a-z0-9][a-z0-9-]{0,${SLUG_MAX_LENGTH - 1}}$`);

/**
 * Short names operators choose and type into filters and scripts (environments, connection
 * types): lower case, so `Production` and `production` can never become two environments.
 */
export function requireSlug(field: string, value: unknown): string {
  return requirePattern(
    field,
    value,
    SLUG_PATTERN,
    'a slug: 1–32 lower-case letters, digits or hyphens, not starting with a hyphen',
  );
}
