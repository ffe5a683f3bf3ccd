import type { Page } from '@servertree/ddd';
import { type QueryParams, valuesOf } from './list-query/query-params';

export interface PageLinks {
  readonly next: string | null;
  readonly previous: string | null;
}

export interface PagePosition {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Relative links to the neighbouring pages: the same request, every other parameter kept as
 * given (repeated ones repeated), with the page's effective `limit` and a moved `offset`. Null
 * where there is no such page.
 */
export function pageLinks(path: string, query: QueryParams, page: PagePosition): PageLinks {
  const kept = Object.entries(query)
    .filter(([name]) => name !== 'limit' && name !== 'offset')
    .flatMap(([name, raw]) => valuesOf(raw).map((value) => queryPair(name, value)));
  const link = (offset: number) =>
    `${path}?${[...kept, queryPair('limit', page.limit), queryPair('offset', offset)].join('&')}`;

  return {
    next: page.offset + page.limit < page.total ? link(page.offset + page.limit) : null,
    previous: page.offset > 0 ? link(Math.max(0, page.offset - page.limit)) : null,
  };
}

function queryPair(name: string, value: string | number): string {
  return `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
}

/** A page as every list answers it: `{ total, limit, offset, items, next, previous }`. */
export function withPageLinks<T>(
  page: Page<T>,
  path: string,
  query: QueryParams,
): PagePosition & PageLinks & { items: T[] } {
  return { ...page, items: [...page.items], ...pageLinks(path, query, page) };
}
