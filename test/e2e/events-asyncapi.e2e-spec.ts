import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CloudEvent, EventContract } from '@servertree/messaging';
import { DomainEvent, DomainEventClass } from '@servertree/ddd';
import { WebhookSubscriptionMother } from '@servertree/webhooks/testing';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  aCredential,
  APPLICATIONS,
  registerApplication,
  registerServer,
  SERVERS,
} from '../support/servers';
import { eventually } from '../support/eventually';
import { startTestApp, TestApp } from '../support/test-app';

const LIBS = resolve(__dirname, '../../libs');

/** Everything the .ts files (specs aside) of one folder under each libs/<module>/src export. */
async function exportsUnder(folder: string): Promise<unknown[]> {
  const exports: unknown[] = [];
  for (const module of readdirSync(LIBS)) {
    const dir = join(LIBS, module, 'src', folder);
    let files: string[];
    try {
      files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      continue; // a module without that folder
    }
    for (const file of files.filter((name) => /\.ts$/.test(name) && !/spec\.ts$/.test(name))) {
      exports.push(...Object.values(await import(join(dir, file))));
    }
  }
  return exports;
}

/**
 * The routing key of every DomainEvent subclass under libs/<module>/src/domain/events, as its
 * module's published contract (infrastructure/messaging) gives it; a class without one shows
 * as `<ClassName> has no published contract`.
 */
async function eventTypesInTheCode(): Promise<string[]> {
  const contracts = (await exportsUnder('infrastructure/messaging'))
    .filter(Array.isArray)
    .flat()
    .filter((item): item is EventContract => typeof item?.toData === 'function');
  const eventClasses = (await exportsUnder('domain/events')).filter(
    (exported): exported is DomainEventClass<DomainEvent> =>
      typeof exported === 'function' && exported.prototype instanceof DomainEvent,
  );
  return eventClasses
    .map(
      (eventClass) =>
        contracts.find(({ event }) => event === eventClass)?.type ??
        `${eventClass.name} has no published contract`,
    )
    .sort();
}

interface AsyncApiDocument {
  channels: Record<string, { bindings: object; subscribe: { message: { $ref: string } } }>;
  components: { messages: Record<string, object> };
}

/**
 * The document is written from the registered event contracts; these tests tie the contracts
 * to the code on both ends: every event class is documented, and real events fit their schema.
 */
describe('AsyncAPI document at /asyncapi.json', () => {
  let t: TestApp;
  let document: AsyncApiDocument;
  let validate: (event: CloudEvent) => string[];

  beforeAll(async () => {
    t = await startTestApp({ database: 'sqlite' });
    document = (await t.http('anonymous').get('/asyncapi.json').expect(200)).body;

    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document, 'asyncapi');
    validate = (event) => {
      const channel = document.channels[event.type];
      if (!channel) return [`no channel for ${event.type}`];
      const ref = channel.subscribe.message.$ref.replace('#', 'asyncapi#');
      const check = ajv.getSchema(`${ref}/payload`)!;
      return check(event) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is served without a token and describes the topic exchange', async () => {
    expect(document).toMatchObject({ asyncapi: '2.6.0' });
    for (const { bindings } of Object.values(document.channels)) {
      expect(bindings).toMatchObject({
        amqp: {
          is: 'routingKey',
          exchange: { name: 'server.domain_events', type: 'topic', durable: true },
        },
      });
    }
  });

  it('has a channel - a routing key - for every domain event class in the code, and no other', async () => {
    const documented = Object.keys(document.channels).sort();
    expect(documented).toEqual(await eventTypesInTheCode());
    expect(documented).toHaveLength(13 + 4); // SPEC §4, and the webhook subscriptions' (§6)
  });

  it('describes every event the API produces: each one validates against its schema', async () => {
    const app = await registerApplication(t);
    await t.http().patch(`${APPLICATIONS}/${app}`).send({ version: '2.0.0' }).expect(200);
    const other = await registerApplication(t);
    const server = await registerServer(t, {
      credentials: [aCredential()],
      applications: [{ applicationId: app, installDir: '/opt/app', logDir: '/var/log/app' }],
    });
    const serverPath = `${SERVERS}/${server.id}`;
    await t
      .http()
      .patch(serverPath)
      .send({
        ramMb: 16384,
        operatingSystem: { name: 'Debian', version: '12', architecture: 'arm64' },
      })
      .expect(200);
    await t.http().put(`${serverPath}/status`).send({ status: 'running' }).expect(200);
    const added = await t
      .http()
      .post(`${serverPath}/credentials`)
      .send(aCredential({ username: 'ops', publicIp: '203.0.113.7', publicPort: 2222 }))
      .expect(201);
    const credential = String(added.headers.location);
    await t
      .http()
      .patch(credential)
      .send({ localPort: 2200, password: 'a brand new secret' })
      .expect(200);
    await t.http().post(`${credential}/reveal`).expect(200);
    await t.http().delete(credential).expect(204);
    await t
      .http()
      .put(`${serverPath}/applications/${other}`)
      .send({ installDir: '/opt/other' })
      .expect(201);
    await t.http().delete(`${serverPath}/applications/${other}`).expect(204);
    await t.http().delete(`${APPLICATIONS}/${app}`).expect(204);
    await t.http().delete(serverPath).expect(204);
    // A public address that is never reached: the subscription's own events are what counts.
    const webhook = await t
      .http()
      .post('/api/v1/webhooks')
      .send(WebhookSubscriptionMother.details({ url: 'https://203.0.113.10/hook' }))
      .expect(201);
    const webhookPath = `/api/v1/webhooks/${webhook.body.id}`;
    await t.http().patch(webhookPath).send({ description: 'audit' }).expect(200);
    await t.http().patch(webhookPath).send({ enabled: false }).expect(200);
    await t.http().delete(webhookPath).expect(204);
    const webhookEvents = await eventually(async () => {
      const { body } = await t
        .http()
        .get('/api/v1/events?type=server.webhook.*&limit=1000')
        .expect(200);
      expect(body.items).toHaveLength(4);
      return body.items.map(({ sequence: _sequence, ...event }: { sequence: number }) => event);
    });

    const history = async (path: string): Promise<CloudEvent[]> =>
      (await t.http().get(`${path}/events?limit=1000`).expect(200)).body.items;
    const events = [
      ...(await history(`${APPLICATIONS}/${app}`)),
      ...(await history(`${APPLICATIONS}/${other}`)),
      ...(await history(serverPath)),
      ...webhookEvents,
    ];

    expect(new Set(events.map((event) => event.type))).toEqual(
      new Set(Object.keys(document.channels)),
    );
    for (const event of events) {
      expect({ type: event.type, problems: validate(event) }).toEqual({
        type: event.type,
        problems: [],
      });
    }
  });

  it('is strict enough to catch a payload that drifted from it', async () => {
    const app = await registerApplication(t);
    const [registered] = (await t.http().get(`${APPLICATIONS}/${app}/events`).expect(200)).body
      .items as CloudEvent<Record<string, unknown>>[];

    expect(validate(registered)).toEqual([]);
    expect(validate({ ...registered, data: { ...registered.data, owner: 'x' } })).not.toEqual([]);
    expect(validate({ ...registered, data: { ...registered.data, revision: '1' } })).not.toEqual(
      [],
    );
    expect(
      validate({ ...registered, correlationid: undefined } as unknown as CloudEvent),
    ).not.toEqual([]);
  });
});
