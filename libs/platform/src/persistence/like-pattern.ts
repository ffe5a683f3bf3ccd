/**
 * The escape character of every LIKE the list machinery writes (`LIKE :p ESCAPE '!'`). Not the
 * backslash: MySQL reads backslash escapes inside string literals and SQLite does not, so the
 * ESCAPE clause would have to be spelt differently on each.
 */
export const LIKE_ESCAPE = '!';

/** Makes `%`, `_` and the escape character itself match literally. */
function literal(text: string): string {
  return text.replace(/[!%_]/g, (char) => LIKE_ESCAPE + char);
}

/** A LIKE pattern for "contains `text`". */
export function containsPattern(text: string): string {
  return `%${literal(text)}%`;
}

/** A LIKE pattern for "starts with `text`". */
export function startsWithPattern(text: string): string {
  return `${literal(text)}%`;
}
