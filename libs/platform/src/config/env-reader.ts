/**
 * Reads environment variables and collects what is wrong with them instead of stopping at
 * the first problem, so an operator fixes the whole environment in one go.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Record<string, string | undefined>) {}

  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') {
      this.problems.push(`${name} must be "true" or "false" (got "${raw}")`);
      return fallback;
    }
    return raw === 'true';
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }

  /** A URL whose scheme is one of `schemes`; the value is never echoed (it may hold a password). */
  url(name: string, schemes: readonly string[]): string | undefined {
    const raw = this.string(name);
    return raw === undefined ? undefined : this.checkedUrl(name, raw, schemes);
  }

  /**
   * A comma-separated list of such URLs (the nodes of a cluster), at least one; each bad entry
   * is named by its position, never echoed.
   */
  urlList(name: string, schemes: readonly string[]): readonly string[] | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const entries = raw.split(',').map((entry) => entry.trim());
    const urls = entries.map((entry, index) =>
      this.checkedUrl(entries.length > 1 ? `${name} entry ${index + 1}` : name, entry, schemes),
    );
    return urls.every((url) => url !== undefined) ? urls : undefined;
  }

  private checkedUrl(label: string, raw: string, schemes: readonly string[]): string | undefined {
    try {
      const protocol = new URL(raw).protocol.replace(/:$/, '');
      if (schemes.includes(protocol)) return raw;
      this.problems.push(
        `${label} must be a ${schemes.join(' or ')}:// URL (got scheme "${protocol}")`,
      );
    } catch {
      this.problems.push(`${label} is not a valid URL`);
    }
    return undefined;
  }

  /** A comma list; blank entries are ignored. */
  list(name: string): string[] {
    return (this.string(name) ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  }

  fail(problem: string): void {
    this.problems.push(problem);
  }
}
