import { SPEC_METRICS } from '../support/spec-metrics';
import { eventually } from '../support/eventually';
import { LogCapture } from '../support/log-capture';
import { TEST_RABBITMQ_URL, TestBroker, TestQueue } from '../support/rabbitmq';
import { APPLICATIONS, registerApplication, registerServer, SERVERS } from '../support/servers';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp, useTestApp } from '../support/test-app';

/** SPEC §7's names, and two of Node's default metrics. */
const EXPOSED_METRICS = [
  ...SPEC_METRICS,
  'process_cpu_seconds_total',
  'nodejs_heap_size_used_bytes',
];

/** The value of one sample in a Prometheus text exposition (labels given as they appear). */
function sample(exposition: string, name: string, labels = ''): number {
  const line = exposition
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? 0 : Number(line.split(' ').pop());
}

describe('Logs and metrics (MariaDB, in-process events)', () => {
  const logs = new LogCapture();
  const t = useTestApp({ env: { LOG_LEVEL: 'debug' }, logs });

  it('writes one JSON object per line, and follows a request by its requestId and traceId from the access line through the command to the relay', async () => {
    await t
      .http('editor', 'alice')
      .post(APPLICATIONS)
      .set('X-Request-ID', 'req-observed-1')
      .send({ name: 'nginx', version: '1.27', architecture: 'x86_64' })
      .expect(201);

    await eventually(() =>
      expect(logs.records().some((line) => line.context === 'OutboxRelay')).toBe(true),
    );
    const records = logs.records();
    for (const record of records) {
      expect(record).toEqual(
        expect.objectContaining({
          level: expect.any(String),
          time: expect.any(String),
          msg: expect.any(String),
        }),
      );
    }
    const ofRequest = records.filter((record) => record.requestId === 'req-observed-1');
    const access = ofRequest.find((record) => record.msg === 'request completed');
    expect(access).toEqual(
      expect.objectContaining({
        level: 'info',
        method: 'POST',
        route: '/api/v1/applications',
        status: 201,
        durationMs: expect.any(Number),
        actor: 'alice',
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      }),
    );
    const command = ofRequest.find((record) => record.context === 'Commands');
    const relay = ofRequest.find((record) => record.context === 'OutboxRelay');
    expect(command?.msg).toMatch(/^RegisterApplicationCommand ok in [\d.]+ ms$/);
    expect(relay?.msg).toMatch(/^published server\.application\.registered /);
    expect(new Set(ofRequest.map((record) => record.traceId))).toEqual(new Set([access!.traceId]));
  });

  it('labels the access line and the latency histogram with the route pattern, never the raw URL', async () => {
    const id = await registerApplication(t);
    await t.http().get(`${APPLICATIONS}/${id}`).set('X-Request-ID', 'req-observed-2').expect(200);
    const access = logs
      .records()
      .find(
        (record) => record.requestId === 'req-observed-2' && record.msg === 'request completed',
      );
    expect(access).toEqual(expect.objectContaining({ route: '/api/v1/applications/:id' }));

    const { text } = await t.http('anonymous').get('/metrics').expect(200);
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/api/v1/applications/:id",status="200"}',
    );
    expect(text).not.toContain(id);
  });

  it('exposes every metric SPEC §7 names at GET /metrics, without a token while none is set', async () => {
    const response = await t.http('anonymous').get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    for (const name of EXPOSED_METRICS) {
      expect(response.text).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    }
    expect(sample(response.text, 'servertree_broker_connected')).toBe(1);
  });

  it('counts published events and commands by outcome', async () => {
    const before = (await t.http('anonymous').get('/metrics')).text;
    const counted = { name: 'counted', version: '1.0.0', architecture: 'x86_64' };
    await registerApplication(t, counted);
    await t.http().post(APPLICATIONS).send(counted).expect(409);
    await eventually(async () => {
      const after = (await t.http('anonymous').get('/metrics')).text;
      expect(sample(after, 'servertree_events_published_total')).toBe(
        sample(before, 'servertree_events_published_total') + 1,
      );
      expect(sample(after, 'servertree_outbox_pending_events')).toBe(0);
      const count = (outcome: string, exposition: string) =>
        sample(
          exposition,
          'servertree_command_duration_seconds_count',
          `command="RegisterApplicationCommand",outcome="${outcome}"`,
        );
      expect(count('ok', after)).toBe(count('ok', before) + 1);
      expect(count('conflict', after)).toBe(count('conflict', before) + 1);
    });
  });

  it('reports the outbox backlog on /health/ready', async () => {
    const { body } = await t.http('anonymous').get('/health/ready').expect(200);
    expect(body.info.outbox).toEqual({
      status: 'up',
      pendingEvents: expect.any(Number),
      oldestPendingAgeSeconds: expect.any(Number),
    });
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const t = useTestApp({ database: 'sqlite', env: { METRICS_TOKEN: 'scrape-me-0123456789' } });

  it('answers only the bearer METRICS_TOKEN; API tokens do not open it', async () => {
    await t.http('anonymous').get('/metrics').expect(401);
    await t.http('admin').get('/metrics').expect(401);
    const { text } = await t
      .http('anonymous')
      .get('/metrics')
      .set('Authorization', 'Bearer scrape-me-0123456789')
      .expect(200);
    expect(text).toContain('servertree_events_published_total');
  });
});

describe('Trace context through the outbox, tracing off (MariaDB + RabbitMQ)', () => {
  const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
  const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
  let broker: TestBroker;
  let proxy: TcpProxy;
  let queue: TestQueue;
  let t: TestApp;

  beforeAll(async () => {
    broker = await TestBroker.create('observability');
    proxy = await TcpProxy.start(TEST_RABBITMQ_URL);
    queue = await broker.listen('#');
    t = await startTestApp({ env: broker.env(proxy.urlFor(TEST_RABBITMQ_URL)) });
    broker.adoptConsumerQueuesOf(t.app);
  });

  afterAll(async () => {
    await proxy?.closeWith(t);
    await broker?.cleanUp();
  });

  it("sends the request's traceparent with its events (AMQP header and CloudEvent attribute), and the uninstalls a discard causes keep its trace id", async () => {
    const applicationId = await registerApplication(t);
    const server = await registerServer(t);
    await t
      .http()
      .put(`${SERVERS}/${server.id}/applications/${applicationId}`)
      .send({ installDir: '/opt/app' })
      .expect(201);

    await t
      .http()
      .delete(`${APPLICATIONS}/${applicationId}`)
      .set('traceparent', TRACEPARENT)
      .expect(204);

    await queue.until((messages) =>
      messages.some((m) => m.routingKey === 'server.server.application_uninstalled'),
    );
    const discarded = queue.messages.find((m) => m.routingKey === 'server.application.discarded')!;
    const uninstall = queue.messages.find(
      (m) => m.routingKey === 'server.server.application_uninstalled',
    )!;
    for (const message of [discarded, uninstall]) {
      expect(message.event.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-0[01]$`));
      expect(message.properties.headers?.traceparent).toBe(message.event.traceparent);
    }
    expect(discarded.event.traceparent).toBe(TRACEPARENT);
  });

  it('counts pending events while the broker is cut, and reports them back at 0 once it returns', async () => {
    const metric = async (name: string) =>
      sample((await t.http('anonymous').get('/metrics')).text, name);
    await eventually(async () => expect(await metric('servertree_outbox_pending_events')).toBe(0));
    expect(await metric('servertree_broker_connected')).toBe(1);

    await proxy.cut();
    try {
      for (let i = 0; i < 3; i += 1) await registerApplication(t);
      await eventually(async () => expect(await metric('servertree_broker_connected')).toBe(0));
      expect(await metric('servertree_outbox_pending_events')).toBe(3);
      expect(await metric('servertree_outbox_oldest_pending_age_seconds')).toBeGreaterThan(0);
      // Within the default 60 s grace the instance stays ready: writes still succeed.
      const { body } = await t.http('anonymous').get('/health/ready').expect(200);
      expect(body.info.outbox.pendingEvents).toBe(3);
      expect(body.info.broker).toEqual(
        expect.objectContaining({ status: 'up', message: 'not connected', graceSeconds: 60 }),
      );
    } finally {
      await proxy.restore();
    }
    await eventually(async () => {
      expect(await metric('servertree_outbox_pending_events')).toBe(0);
      expect(await metric('servertree_outbox_oldest_pending_age_seconds')).toBe(0);
      expect(await metric('servertree_broker_connected')).toBe(1);
    }, 20_000);
  }, 40_000);
});
