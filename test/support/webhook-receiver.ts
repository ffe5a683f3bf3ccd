import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** The webhook subscriptions' collection. */
export const WEBHOOKS = '/api/v1/webhooks';

/** Service settings for webhook tests: a receiver on 127.0.0.1, retries within seconds. */
export const FAST_WEBHOOK_RETRIES = {
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOKS_TIMEOUT_MS: '1000',
  WEBHOOKS_RETRY_FIRST_MS: '100',
  WEBHOOKS_RETRY_MAX_MS: '500',
};

export interface ReceivedWebhook {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly event: { id: string; type: string; subject: string; aggregaterevision: number };
}

/** How the receiver answers one request: a status, after a delay. */
export type Answer = { status: number; delayMs?: number; body?: string };

/**
 * A real HTTP receiver on 127.0.0.1 for webhook tests: records what arrives (in arrival order),
 * answers as the test says, can go down and come back on the same port, and notices when the
 * same delivery is being received twice at the same time.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Deliveries (webhook-id) that were in flight twice at once. */
  readonly overlapping: string[] = [];
  answer: (request: ReceivedWebhook, attempt: number) => Answer = () => ({ status: 204 });
  private readonly inFlight = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private server: Server | undefined;
  private port = 0;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await receiver.up();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** Events accepted (2xx), in arrival order. */
  get delivered(): ReceivedWebhook[] {
    return this.received.filter((entry) => (entry as { accepted?: boolean }).accepted);
  }

  async up(): Promise<void> {
    const server = createServer((request, response) => {
      void this.handle(request).then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }

  private async handle(request: IncomingMessage): Promise<Answer> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = request.headers as Record<string, string>;
    const entry: ReceivedWebhook & { accepted?: boolean } = {
      headers,
      body,
      event: JSON.parse(body),
    };
    const id = headers['webhook-id'];
    if (this.inFlight.has(id)) this.overlapping.push(id);
    this.inFlight.add(id);
    const attempt = (this.attempts.get(id) ?? 0) + 1;
    this.attempts.set(id, attempt);
    try {
      const answer = this.answer(entry, attempt);
      if (answer.delayMs) await delay(answer.delayMs);
      // A sender that gave up waiting has closed the connection: that answer never arrived.
      entry.accepted = answer.status >= 200 && answer.status < 300 && !request.socket.destroyed;
      this.received.push(entry);
      return answer;
    } finally {
      this.inFlight.delete(id);
    }
  }
}
