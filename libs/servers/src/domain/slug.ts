import { requirePattern } from '@servertree/ddd';

const SLUG = /^[a-z0-9][a-z0-9-]{0,31}$/;

/**
 * Short names operators choose and type into filters and scripts (environments, connection
 * types): lower case, so `Production` and `production` can never become two environments.
 */
export function requireSlug(field: string, value: unknown): string {
  return requirePattern(
    field,
    value,
    SLUG,
    'a slug: 1–32 lower-case letters, digits or hyphens, not starting with a hyphen',
  );
}
