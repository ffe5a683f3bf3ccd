/**
 * npm run events:tail -- [binding key]
 *
 * Prints every domain event published while it runs, one JSON line per event (the CloudEvent
 * as published), e.g. `npm run events:tail -- 'server.server.*' | jq .data`. The binding key
 * is an AMQP topic pattern, `#` (everything) by default.
 *
 * It binds a temporary queue of its own (exclusive, gone when this process disconnects), so it
 * takes nothing away from the service's consumers. RABBITMQ_URL and RABBITMQ_EXCHANGE are read
 * like the service reads them; messages about the tail itself go to stderr, events to stdout.
 */
import { DEFAULT_EXCHANGE } from '@servertree/platform';
import { connect } from 'amqplib';

const url = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const exchange = process.env.RABBITMQ_EXCHANGE ?? DEFAULT_EXCHANGE;
const bindingKey = process.argv[2] ?? '#';

async function main(): Promise<void> {
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

/** One line per event, whatever whitespace the publisher used. */
function printLine(content: Buffer): void {
  try {
    process.stdout.write(`${JSON.stringify(JSON.parse(content.toString('utf8')))}\n`);
  } catch {
    console.error(`not JSON, skipped: ${content.toString('utf8').slice(0, 200)}`);
  }
}

main().catch((error: unknown) => {
  console.error('events:tail failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
