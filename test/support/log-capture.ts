/** A pino destination that keeps every line the app logs, for tests that read them. */
export class LogCapture {
  readonly lines: string[] = [];

  write(chunk: string): void {
    this.lines.push(...chunk.split('\n').filter((line) => line !== ''));
  }

  /** Every line parsed; throws (failing the test) on a line that is not one JSON object. */
  records(): Record<string, unknown>[] {
    return this.lines.map((line) => {
      const record: unknown = JSON.parse(line);
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        throw new Error(`log line is not a JSON object: ${line}`);
      }
      return record as Record<string, unknown>;
    });
  }
}
