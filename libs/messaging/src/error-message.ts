/** What to say about a failure in a log line: the message of an Error, or the value itself. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
