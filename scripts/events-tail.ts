/**
 * npm run events:tail -- [binding key]
 * npm run events:tail -- --feed [type pattern] [--from-start]
 *
 * Prints every domain event published while it runs, one JSON line per event (the CloudEvent
 * as published), e.g. `npm run events:tail -- 'server.server.*' | jq .data`. The binding key
 * is an AMQP topic pattern, `#` (everything) by default.
 *
 * It binds a temporary queue of its own (exclusive, gone when this process disconnects), so it
 * takes nothing away from the service's consumers. RABBITMQ_URL and RABBITMQ_EXCHANGE are read
 * like the service reads them; messages about the tail itself go to stderr, events to stdout.
 *
 * `--feed` follows the change feed over HTTP instead (GET /api/v1/events with long polls), for
 * machines without AMQP access: SERVERTREE_URL (default http://127.0.0.1:3000) and
 * SERVERTREE_TOKEN (a reader's bearer token). It starts at the end of the feed, or with
 * `--from-start` at its beginning, and prints each event with its `sequence`.
 */
import { DEFAULT_EXCHANGE } from '@servertree/platform';
import { connect } from 'amqplib';

const url = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const exchange = process.env.RABBITMQ_EXCHANGE ?? DEFAULT_EXCHANGE;
const args = process.argv.slice(2);
const feedMode = args.includes('--feed');
const fromStart = args.includes('--from-start');
const bindingKey = args.find((arg) => !arg.startsWith('--')) ?? '#';

async function tailQueue(): Promise<void> {
  const connection = await connect(url);
  const channel = await connection.createChannel();
  // Declared as the service declares it, so the tail can start first.
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, exchange, bindingKey);
  await channel.consume(queue, (message) => message && printLine(message.content), {
    noAck: true,
  });
  console.error(`tailing ${exchange} for "${bindingKey}" (Ctrl-C to stop)`);

  const stop = () => void connection.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Long polls the change feed and prints what arrives; never returns unless stopped. */
async function tailFeed(): Promise<void> {
  const base = process.env.SERVERTREE_URL ?? 'http://127.0.0.1:3000';
  const headers = { authorization: `Bearer ${process.env.SERVERTREE_TOKEN ?? ''}` };
  const page = async (after: string | undefined, wait: number) => {
    const query = new URLSearchParams({ limit: '1000', wait: String(wait) });
    if (after) query.set('after', after);
    if (bindingKey !== '#') query.set('type', bindingKey);
    const response = await fetch(`${base}/api/v1/events?${query}`, { headers });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    return (await response.json()) as { items: unknown[]; next: string };
  };
  let after: string | undefined;
  if (!fromStart) {
    // Skip what is already there: read to the end without printing.
    for (let skipped = await page(undefined, 0); ; skipped = await page(after, 0)) {
      after = skipped.next;
      if (skipped.items.length === 0) break;
    }
  }
  console.error(`following ${base}/api/v1/events for "${bindingKey}" (Ctrl-C to stop)`);
  process.once('SIGINT', () => process.exit(0));
  process.once('SIGTERM', () => process.exit(0));
  for (;;) {
    const { items, next } = await page(after, 25);
    for (const item of items) process.stdout.write(`${JSON.stringify(item)}\n`);
    after = next;
  }
}

/** One line per event, whatever whitespace the publisher used. */
function printLine(content: Buffer): void {
  try {
    process.stdout.write(`${JSON.stringify(JSON.parse(content.toString('utf8')))}\n`);
  } catch {
    console.error(`not JSON, skipped: ${content.toString('utf8').slice(0, 200)}`);
  }
}

(feedMode ? tailFeed() : tailQueue()).catch((error: unknown) => {
  console.error('events:tail failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
