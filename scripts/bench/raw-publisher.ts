/**
 * The transport's own limit, for the events benchmark: plain amqplib on a confirm channel, in
 * a process of its own (as the service is), publishing COUNT messages shaped like the relay's
 * (same routing key, properties and body size) as fast as the socket takes them, then waiting
 * for every confirm once. No database, no outbox: what any publisher could reach on this broker.
 *
 * Run by events-bench.ts: RAW_PUBLISHER_URL, RAW_PUBLISHER_EXCHANGE, RAW_PUBLISHER_COUNT.
 * Prints the publisher's own time (first publish to last confirm) as JSON on stdout.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'amqplib';

const URL = process.env.RAW_PUBLISHER_URL!;
const EXCHANGE = process.env.RAW_PUBLISHER_EXCHANGE!;
const COUNT = Number(process.env.RAW_PUBLISHER_COUNT);
const ROUTING_KEY = 'server.application.modified';

/** The body the relay would send for the n-th event of the benchmark's backlog. */
function body(n: number, aggregateId: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      specversion: '1.0',
      id: randomUUID(),
      source: '/servertree',
      type: ROUTING_KEY,
      subject: aggregateId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      aggregaterevision: n + 1,
      correlationid: `bench-${n}`,
      actor: 'bench',
      data: { changes: { version: { from: String(n), to: String(n + 1) } } },
    }),
  );
}

async function main(): Promise<void> {
  const connection = await connect(URL, { noDelay: true });
  const channel = await connection.createConfirmChannel();
  const aggregateId = randomUUID();
  const started = Date.now();
  for (let n = 0; n < COUNT; n += 1) {
    const content = body(n, aggregateId);
    const room = channel.publish(EXCHANGE, ROUTING_KEY, content, {
      persistent: true,
      contentType: 'application/cloudevents+json',
      messageId: randomUUID(),
    });
    if (!room) await once(channel, 'drain');
  }
  await channel.waitForConfirms();
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ count: COUNT, seconds }));
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
