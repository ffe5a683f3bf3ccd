import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

/** One column of an export: its header and how an item fills it. */
export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (item: T) => string | number | boolean | null;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/** Characters a spreadsheet reads as the start of a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell, RFC 4180: quoted when it holds a quote, comma or line break (quotes doubled), and
 * a text that a spreadsheet would run as a formula (`=HYPERLINK(...)`, `@SUM(...)`) prefixed
 * with `'` so it shows as text. null is an empty cell.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}

/** The export's lines: the header row, then one line per item, page after page. */
export async function* csvLines<T>(
  columns: readonly CsvColumn<T>[],
  pages: AsyncIterable<readonly T[]>,
): AsyncGenerator<string> {
  yield csvLine(columns.map(({ header }) => csvCell(header)));
  for await (const page of pages) {
    yield page.map((item) => csvLine(columns.map(({ value }) => csvCell(value(item))))).join('');
  }
}

/**
 * A list answered as a CSV download, streamed: each page is written as soon as it is read,
 * and the next is read only when the client has taken the previous one (stream backpressure).
 */
export function csvExport<T>(
  filename: string,
  columns: readonly CsvColumn<T>[],
  pages: AsyncIterable<readonly T[]>,
): StreamableFile {
  return new StreamableFile(Readable.from(csvLines(columns, pages)), {
    type: CSV_CONTENT_TYPE,
    disposition: `attachment; filename="${filename}"`,
  });
}

/** Whether the client asked for CSV rather than JSON (`Accept: text/csv`). */
export function acceptsCsv(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some((range) => range.split(';')[0].trim().toLowerCase() === 'text/csv');
}
