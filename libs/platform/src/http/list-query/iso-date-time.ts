/**
 * A date (`2026-01-31`, read as midnight UTC) or a date-time with seconds and an explicit zone
 * (`2026-01-31T10:00:00Z`, `2026-01-31T10:00:00.123+02:00`): the RFC 3339 profile of ISO 8601.
 * Date.parse alone is not enough: it also accepts text it has to guess at (`2026-1-31`,
 * `Jan 31 2026`, a time without zone taken as server-local time).
 */
const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const TIME = String.raw`T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?`;
const ZONE = String.raw`(?:Z|([+-])(\d{2}):(\d{2}))`;
const ISO_DATE_TIME = new RegExp(`^${DATE}(?:${TIME}${ZONE})?$`);

const MS_PER_MINUTE = 60_000;

/** The instant the text denotes, or undefined when it is not strict ISO 8601 or not a real date. */
export function parseIsoDateTime(text: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return undefined;
  const group = (index: number): number => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map(group);
  const [offsetHours, offsetMinutes] = [9, 10].map(group);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) {
    return undefined;
  }

  // setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  // An impossible day (2026-02-30) rolls over into the next month instead of failing.
  if (instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) return undefined;
  // The store keeps milliseconds, so finer fractions are cut.
  const milliseconds = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  instant.setUTCHours(hour, minute, second, milliseconds);

  const zoneSign = match[8] === '-' ? -1 : 1;
  return new Date(
    instant.getTime() - zoneSign * (offsetHours * 60 + offsetMinutes) * MS_PER_MINUTE,
  );
}
