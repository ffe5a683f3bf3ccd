import { InvalidInputError } from '@servertree/ddd';

/** The ETag of a resource is its revision, quoted: `"3"`. */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/**
 * Reads `If-Match` into the revision the client expects, or undefined when it set no
 * condition (absent or `*`). Weak tags are accepted as their revision: our tags are exact
 * revisions, so weak and strong comparison agree.
 */
export function expectedRevisionFrom(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(ifMatch);
  if (!match) {
    throw InvalidInputError.single('If-Match', 'If-Match must be an ETag such as "3" (or *)');
  }
  return Number(match[1]);
}
