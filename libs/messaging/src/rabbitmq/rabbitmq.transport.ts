import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { context } from '@opentelemetry/api';
import { TraceContexts } from '@servertree/platform';
import { CLOUD_EVENT_CONTENT_TYPE, toCloudEventJson } from '../outbox/cloud-event.mapper';
import type { OutboxRecord } from '../outbox/outbox.record';
import { Delivery, EventTransport } from '../event-transport';
import { RabbitMqTopology } from './rabbitmq-topology';

/**
 * How long a publish may wait for the broker's confirm. The channel keeps unconfirmed and
 * unsent messages in memory across reconnects and would otherwise keep the relay waiting for
 * as long as the broker is away; past this bound the relay backs off and sends them again.
 */
const CONFIRM_TIMEOUT_MS = 5_000;

/**
 * Publishes to the topic exchange on a confirm channel: routing key = event type, persistent,
 * CloudEvents structured content, AMQP message-id = event id (SPEC §4). A batch is sent in one
 * go and its confirms awaited together, which is what makes the relay fast.
 */
export class RabbitMqTransport extends EventTransport {
  readonly name = 'RabbitMQ';

  constructor(
    private readonly connection: AmqpConnection,
    private readonly exchange: string,
    private readonly topology: RabbitMqTopology,
  ) {
    super();
  }

  /** Connected, and the topology declared on this connection: events reach every queue. */
  isReachable(): boolean {
    return this.topology.isDeclared();
  }

  override unreachableSince(): number | undefined {
    return this.topology.unreachableSince();
  }

  async publish(records: readonly OutboxRecord[]): Promise<Delivery> {
    // While disconnected, the channel would only pile messages up in memory; the outbox
    // already keeps them, durably.
    if (!this.isReachable()) return { confirmed: 0, failure: 'RabbitMQ is not connected' };
    const outcomes = await Promise.allSettled(records.map((record) => this.send(record)));
    const firstFailure = outcomes.findIndex((outcome) => outcome.status === 'rejected');
    if (firstFailure === -1) return { confirmed: records.length };
    return {
      confirmed: firstFailure,
      failure: (outcomes[firstFailure] as PromiseRejectedResult).reason,
    };
  }

  /**
   * Published inside the trace of the write that stored the event, so that the AMQP
   * instrumentation (tracing on) makes its publish span a child of that write and injects a
   * `traceparent` of the same trace; with tracing off the stored one is sent as it is.
   */
  private send(record: OutboxRecord): Promise<boolean> {
    const traceparent = record.traceparent ?? undefined;
    return context.with(TraceContexts.continuing(traceparent), () =>
      this.connection.managedChannel.publish(
        this.exchange,
        record.type,
        Buffer.from(toCloudEventJson(record)),
        {
          persistent: true,
          contentType: CLOUD_EVENT_CONTENT_TYPE,
          messageId: record.id,
          timeout: CONFIRM_TIMEOUT_MS,
          ...(traceparent ? { headers: { traceparent } } : {}),
        },
      ),
    );
  }
}
