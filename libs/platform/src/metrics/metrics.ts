import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type CommandOutcome = 'ok' | 'conflict' | 'invalid' | 'error';
export type ConsumerOutcome = 'processed' | 'retried' | 'dead_lettered' | 'duplicate';
export type WebhookDeliveryOutcome = 'delivered' | 'retried' | 'failed';
/**
 * Why a unit of work ran again: the database rolled it back (a deadlock, a Galera certification
 * conflict, a lock wait timeout), or a revision check found its aggregate already changed.
 */
export type TransactionRetryCause = 'lock_conflict' | 'revision_check';
/** Which threshold a shed request found exceeded (ADR 13). */
export type OverloadCause = 'heap_used' | 'event_loop_delay';

/** What the outbox holds back: read once per scrape, by one indexed query. */
export interface OutboxBacklogReading {
  readonly pending: number;
  /** Age of the oldest undelivered event; 0 when nothing is pending. */
  readonly oldestPendingAgeSeconds: number;
}

/** Latency buckets from 1 ms to 10 s: reads take milliseconds, a stuck write seconds. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Every metric the service exposes (SPEC §7), in one registry per application instance (tests
 * run several in one process). Names and labels are the operators' contract: the Grafana
 * dashboard and its test read them from here.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'servertree_command_duration_seconds',
    help: 'Commands by class name and outcome (ok, conflict, invalid, error), transaction included',
    labelNames: ['command', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly eventsPublished = new Counter({
    name: 'servertree_events_published_total',
    help: 'Events the transport confirmed and the relay marked published',
    registers: [this.registry],
  });

  readonly consumerMessages = new Counter({
    name: 'servertree_consumer_messages_total',
    help: 'Events handed to integration event consumers, by consumer and outcome',
    labelNames: ['consumer', 'outcome'] as const,
    registers: [this.registry],
  });

  /**
   * Each count is a unit of work that lost and ran again. The retry keeps the loss from
   * reaching the client; `lock_conflict` on a single database node still means two kinds of
   * work take their locks in opposite orders: a bug to fix, not to retry (ADR 4).
   */
  readonly transactionRetries = new Counter({
    name: 'servertree_transaction_retries_total',
    help: 'Units of work (commands, consumers, background jobs) run again after losing to a concurrent one, by cause (lock_conflict, revision_check)',
    labelNames: ['cause'] as const,
    registers: [this.registry],
  });

  private readonly webhookDeliveries = new Counter({
    name: 'servertree_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome (delivered, retried, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** Requests answered 503 before any work because the instance was overloaded (ADR 13). */
  readonly requestsShed = new Counter({
    name: 'servertree_http_requests_shed_total',
    help: 'Requests answered 503 unprocessed because the instance was overloaded, by cause (heap_used, event_loop_delay)',
    labelNames: ['cause'] as const,
    registers: [this.registry],
  });

  private readBacklog: () => Promise<OutboxBacklogReading> = () =>
    Promise.resolve({ pending: 0, oldestPendingAgeSeconds: 0 });
  private isBrokerConnected: () => boolean = () => false;
  /** The backlog of the scrape under way: both outbox gauges share one query. */
  private scrapeBacklog: Promise<OutboxBacklogReading> | undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.readAtScrape(
      'servertree_outbox_pending_events',
      'Stored events not yet delivered to the transport',
      async () => (await this.backlogOfThisScrape()).pending,
    );
    this.readAtScrape(
      'servertree_outbox_oldest_pending_age_seconds',
      'Age of the oldest stored event not yet delivered (0 when none)',
      async () => (await this.backlogOfThisScrape()).oldestPendingAgeSeconds,
    );
    this.readAtScrape(
      'servertree_broker_connected',
      '1 while the event transport can deliver (always 1 in-process), else 0',
      () => (this.isBrokerConnected() ? 1 : 0),
    );
  }

  /** Where the outbox gauges read from; the messaging library registers it. */
  observeOutbox(read: () => Promise<OutboxBacklogReading>): void {
    this.readBacklog = read;
  }

  observeBroker(isConnected: () => boolean): void {
    this.isBrokerConnected = isConnected;
  }

  /** For the webhook dispatcher: one call per delivery attempt. */
  recordWebhookDelivery(outcome: WebhookDeliveryOutcome): void {
    this.webhookDeliveries.inc({ outcome });
  }

  /** The Prometheus text exposition of everything above. */
  async render(): Promise<string> {
    this.scrapeBacklog = undefined;
    try {
      return await this.registry.metrics();
    } finally {
      this.scrapeBacklog = undefined;
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** A gauge whose value is read when Prometheus scrapes, never kept up to date in between. */
  private readAtScrape(name: string, help: string, read: () => number | Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  private backlogOfThisScrape(): Promise<OutboxBacklogReading> {
    this.scrapeBacklog ??= this.readBacklog();
    return this.scrapeBacklog;
  }
}
