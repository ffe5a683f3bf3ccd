/**
 * The JSON form of domain values (value objects and entities print themselves through
 * toJSON), so a spec can state what an event carries in one readable literal.
 */
export function jsonOf(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
