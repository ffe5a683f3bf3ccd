import { InvalidInputError, type Violation } from '@servertree/ddd';
import { DEFAULT_LIMIT, MAX_LIMIT, QueryParams, valuesOf } from '@servertree/platform';
import { FeedCursor } from './feed-cursor';
import { TopicPattern } from './topic-pattern';

export const MAX_WAIT_SECONDS = 30;

/** What a change-feed reader asked for, checked: `GET /events?after&limit&type&wait`. */
export interface FeedRequest {
  readonly after: FeedCursor;
  readonly limit: number;
  /** Any of them matches; none means every type. */
  readonly types: readonly TopicPattern[];
  readonly waitSeconds: number;
}

const KNOWN = new Set(['after', 'limit', 'type', 'wait']);

/** Reads the query string; every problem is reported at once, each naming its parameter. */
export function parseFeedRequest(params: QueryParams): FeedRequest {
  const violations: Violation[] = Object.keys(params)
    .filter((name) => !KNOWN.has(name))
    .map((name) => ({
      field: name,
      message: `${name} is not a known parameter; accepted: after, limit, type, wait`,
    }));
  const attempt = <T>(field: string, read: () => T, fallback: T): T => {
    try {
      if (valuesOf(params[field]).length > 1 && field !== 'type') {
        throw InvalidInputError.single(field, `${field} may be given only once`);
      }
      return read();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      violations.push(...error.violations);
      return fallback;
    }
  };
  const single = (field: string) => valuesOf(params[field])[0];
  const request: FeedRequest = {
    after: attempt(
      'after',
      () => (single('after') === undefined ? FeedCursor.START : FeedCursor.parse(single('after')!)),
      FeedCursor.START,
    ),
    limit: attempt(
      'limit',
      () => integer('limit', single('limit'), 1, MAX_LIMIT, DEFAULT_LIMIT),
      1,
    ),
    types: attempt(
      'type',
      () => valuesOf(params.type).map((pattern) => TopicPattern.parse(pattern, 'type')),
      [],
    ),
    waitSeconds: attempt('wait', () => integer('wait', single('wait'), 0, MAX_WAIT_SECONDS, 0), 0),
  };
  if (violations.length > 0) throw new InvalidInputError(violations);
  return request;
}

function integer(
  field: string,
  raw: string | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (raw === undefined) return fallback;
  const value = /^[0-9]{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw InvalidInputError.single(field, `${field} must be an integer from ${min} to ${max}`);
  }
  return value;
}
