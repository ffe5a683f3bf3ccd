import { randomUUID } from 'node:crypto';
import { ApplicationMother } from '@servertree/catalog/testing';
import { ServerMother } from '@servertree/servers/testing';
import type { Test } from 'supertest';
import type { TestApp } from './test-app';

export const SERVERS = '/api/v1/servers';
export const APPLICATIONS = '/api/v1/applications';

/** A unique, valid server name: test files share nothing, tests within one share the app. */
export function uniqueName(prefix = 'server'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * A POST /servers body: the module's mother with a name of its own, as tests share the app.
 * Overrides may be invalid or unknown on purpose.
 */
export function aServer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...ServerMother.registration({ name: uniqueName() }), ...overrides };
}

/** A credential body, from the module's mother. */
export function aCredential(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...ServerMother.credential(), ...overrides };
}

/** Registers an application in the catalogue and answers its id. */
export async function registerApplication(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const response = await t
    .http()
    .post(APPLICATIONS)
    .send({ ...ApplicationMother.details({ name: uniqueName('app') }), ...overrides })
    .expect(201);
  return response.body.id;
}

/** Registers a server through the API and answers the resource. */
export async function registerServer(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; revision: number } & Record<string, unknown>> {
  const response = await postServer(t, overrides).expect(201);
  return response.body;
}

/** POSTs `aServer(overrides)` as the default caller; the request, for the test to expect on. */
export function postServer(t: TestApp, overrides: Record<string, unknown> = {}): Test {
  return t.http().post(SERVERS).send(aServer(overrides));
}

export interface StoredEvent {
  readonly type: string;
  readonly revision: number;
  readonly actor: string;
  readonly data: Record<string, unknown>;
}

/** The events stored for one aggregate, oldest first, data parsed. */
export async function storedEvents(t: TestApp, aggregateId: string): Promise<StoredEvent[]> {
  const rows: { type: string; revision: number; actor: string; data: string }[] =
    await t.dataSource.query(
      'SELECT type, aggregate_revision AS revision, actor, data FROM outbox ' +
        'WHERE aggregate_id = ? ORDER BY sequence',
      [aggregateId],
    );
  return rows.map((row) => ({
    ...row,
    revision: Number(row.revision),
    data: JSON.parse(row.data),
  }));
}

/**
 * Everything a server write can touch, for "a failed request changes nothing": every row of
 * the server tables and every stored event, in a stable order.
 */
export async function serverState(t: TestApp): Promise<unknown> {
  const all = (sql: string) => t.dataSource.query(sql);
  return {
    servers: await all('SELECT * FROM servers ORDER BY id'),
    credentials: await all('SELECT * FROM server_credentials ORDER BY id'),
    applications: await all('SELECT * FROM server_applications ORDER BY server_id, application_id'),
    // Not published_at: delivery marks events asynchronously, which is no change of state.
    events: await all(
      'SELECT id, type, aggregate_id, aggregate_revision, data FROM outbox ORDER BY sequence',
    ),
  };
}
