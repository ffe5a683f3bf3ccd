/**
 * Roles nest: an editor may do everything a reader may, an admin everything an editor may.
 * Reading needs `reader`, writing `editor`, revealing a credential `admin`.
 */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function grants(held: Role, required: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(required);
}

/** The strongest role among a token's `roles` claim; unknown names are ignored. */
export function strongestRole(claimed: unknown): Role | undefined {
  if (!Array.isArray(claimed)) return undefined;
  const known = claimed.filter((role): role is Role =>
    (ROLES as readonly unknown[]).includes(role),
  );
  return known.sort((a, b) => ROLES.indexOf(b) - ROLES.indexOf(a))[0];
}
