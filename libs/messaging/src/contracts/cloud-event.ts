/**
 * A stored domain event as the world outside the aggregate sees it: a CloudEvents 1.0
 * structured event (SPEC §4). The same shape is published on RabbitMQ, answered by the history
 * endpoints and handed to integration event consumers, so there is one contract to learn.
 *
 * Extension attributes (`aggregaterevision`, `correlationid`, `actor`, `traceparent`) are lower-case
 * alphanumerics because the CloudEvents spec requires it.
 */
export interface CloudEvent<TData = unknown> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  /** Also the routing key, e.g. `server.application.discarded`. */
  readonly type: string;
  /** The id of the aggregate the event belongs to. */
  readonly subject: string;
  /** When the change happened, ISO 8601 UTC. */
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** The revision of the aggregate this event produced: per aggregate, 1, 2, 3, ... */
  readonly aggregaterevision: number;
  /** The request (or cause event's correlation id) that led to the change. */
  readonly correlationid: string;
  readonly actor: string;
  readonly data: TData;
  /**
   * W3C trace context of the write behind the event (CloudEvents Distributed Tracing
   * extension); absent on events stored before it was recorded.
   */
  readonly traceparent?: string;
}
