/**
 * The yardstick: the benchmarked endpoints written the shortest way on raw Fastify + mysql2,
 * with none of the service's layers (no auth, no validation, no CQRS, no outbox relay). Each
 * does the SQL work ServerTree does for the same request, on a copy of the same tables with the
 * same indexes, so the difference to ServerTree is what the architecture costs.
 *
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/db PORT=4000 node -r ts-node/register/transpile-only scripts/bench/baseline-server.ts
 */
import Fastify from 'fastify';
import { createPool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import { randomUUID } from 'node:crypto';

const pool = createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z' });
const app = Fastify();

const APPLICATION_COLUMNS =
  'id, name, version, architecture, revision, created_at AS createdAt, updated_at AS updatedAt, discarded';
const SERVER_COLUMNS =
  's.id, s.name, s.cpu_cores AS cpuCores, s.ram_mb AS ramMb, s.disk_gb AS diskGb, s.environment, ' +
  's.os_name AS osName, s.os_version AS osVersion, s.os_architecture AS osArchitecture, s.status, ' +
  's.revision, s.created_at AS createdAt, s.updated_at AS updatedAt, s.discarded';

async function inTransaction<T>(work: (connection: PoolConnection) => Promise<T>): Promise<T> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const result = await work(connection);
    await connection.commit();
    return result;
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

function appendEvent(
  connection: PoolConnection,
  type: string,
  aggregateId: string,
  revision: number,
  data: unknown,
): Promise<unknown> {
  return connection.query(
    `INSERT INTO outbox (id, type, aggregate_type, aggregate_id, aggregate_revision, occurred_at, correlation_id, actor, data)
     VALUES (?, ?, 'Server', ?, ?, ?, ?, 'baseline', ?)`,
    [randomUUID(), type, aggregateId, revision, new Date(), randomUUID(), JSON.stringify(data)],
  );
}

/** A server's children as the service reads them: JSON arrays from correlated subqueries. */
const CHILDREN_COLUMNS =
  "(SELECT JSON_ARRAYAGG(JSON_OBJECT('id', c.id, 'connectionType', c.connection_type, 'username', c.username, " +
  "'localIp', c.local_ip, 'localPort', c.local_port, 'publicIp', c.public_ip, 'publicPort', c.public_port)) " +
  'FROM server_credentials c WHERE c.server_id = s.id) AS credentials, ' +
  "(SELECT JSON_ARRAYAGG(JSON_OBJECT('applicationId', sa.application_id, 'name', a.name, 'version', a.version, " +
  "'architecture', a.architecture, 'installDir', sa.install_dir, 'logDir', sa.log_dir)) " +
  'FROM server_applications sa INNER JOIN applications a ON a.id = sa.application_id WHERE sa.server_id = s.id) AS applications, ' +
  '(SELECT JSON_ARRAYAGG(t.tag) FROM server_tags t WHERE t.server_id = s.id) AS tags';

function serverOf({
  osName,
  osVersion,
  osArchitecture,
  credentials,
  applications,
  tags,
  ...server
}: RowDataPacket) {
  return {
    ...server,
    operatingSystem: { name: osName, version: osVersion, architecture: osArchitecture },
    tags: (tags ?? []).sort(),
    credentials: byKey(credentials ?? [], 'id'),
    applications: byKey(applications ?? [], 'applicationId'),
  };
}

function byKey<T extends Record<string, unknown>>(items: T[], key: string): T[] {
  const keyOf = (item: T) => String(item[key]);
  return items.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

async function serverById(id: string): Promise<unknown | undefined> {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT ${SERVER_COLUMNS}, ${CHILDREN_COLUMNS} FROM servers s WHERE s.id = ?`,
    [id],
  );
  return rows.length === 0 ? undefined : serverOf(rows[0]);
}

app.get<{ Params: { id: string } }>('/applications/:id', async (request, reply) => {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT ${APPLICATION_COLUMNS} FROM applications WHERE id = ?`,
    [request.params.id],
  );
  if (rows.length === 0) return reply.code(404).send({ status: 404 });
  return rows[0];
});

app.get<{ Params: { id: string } }>('/servers/:id', async (request, reply) => {
  const server = await serverById(request.params.id);
  return server ?? reply.code(404).send({ status: 404 });
});

/**
 * The list scenarios of the benchmark, each with the WHERE and ORDER BY the service's list
 * grammar produces for it (discarded servers hidden, the id tie-breaker in the last direction).
 */
type ServerListQuery = {
  environment?: string;
  status?: string;
  ramMb__gte?: string;
  q?: string;
  ordering?: string;
  limit?: string;
  offset?: string;
};
const ORDERINGS: Record<string, string> = {
  '-ramMb,name': 's.ram_mb DESC, s.name ASC, s.id ASC',
  name: 's.name ASC, s.id ASC',
  '': 's.created_at ASC, s.id ASC',
};

app.get<{ Querystring: ServerListQuery }>('/servers', async (request) => {
  const { environment, status, ramMb__gte, q, ordering = '' } = request.query;
  const limit = Number(request.query.limit ?? 25);
  const offset = Number(request.query.offset ?? 0);
  const filters: [string, unknown][] = [['s.discarded = 0', undefined]];
  if (environment) filters.push(['s.environment IN (?)', environment]);
  if (status) filters.push(['s.status IN (?)', status]);
  if (ramMb__gte) filters.push(['s.ram_mb >= ?', Number(ramMb__gte)]);
  if (q) filters.push(["s.name LIKE ? ESCAPE '\\\\'", `%${q}%`]);
  const parameters = filters.slice(1).map(([, value]) => value);
  const where = filters.map(([condition]) => condition).join(' AND ');
  const [[rows], [count]] = await Promise.all([
    pool.query<RowDataPacket[]>(
      `SELECT ${SERVER_COLUMNS}, ${CHILDREN_COLUMNS} FROM servers s WHERE ${where} ORDER BY ${ORDERINGS[ordering]} LIMIT ? OFFSET ?`,
      [...parameters, limit, offset],
    ),
    pool.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS total FROM servers s WHERE ${where}`,
      parameters,
    ),
  ]);
  return { total: Number(count[0].total), limit, offset, items: rows.map(serverOf) };
});

app.get<{ Querystring: { limit?: string; offset?: string } }>('/applications', async (request) => {
  const limit = Number(request.query.limit ?? 25);
  const offset = Number(request.query.offset ?? 0);
  const [[items], [count]] = await Promise.all([
    pool.query<RowDataPacket[]>(
      `SELECT ${APPLICATION_COLUMNS} FROM applications WHERE discarded = 0 ORDER BY created_at, id LIMIT ? OFFSET ?`,
      [limit, offset],
    ),
    pool.query<RowDataPacket[]>('SELECT COUNT(*) AS total FROM applications WHERE discarded = 0'),
  ]);
  return { total: count[0].total, limit, offset, items };
});

app.post<{ Body: { name: string; version: string; architecture: string } }>(
  '/applications',
  async (request, reply) => {
    const now = new Date();
    const application = {
      id: randomUUID(),
      ...request.body,
      revision: 1,
      createdAt: now,
      updatedAt: now,
      discarded: false,
    };
    await inTransaction(async (connection) => {
      await connection.query(
        'INSERT INTO applications (id, name, version, architecture, revision, created_at, updated_at, discarded) VALUES (?, ?, ?, ?, 1, ?, ?, 0)',
        [application.id, application.name, application.version, application.architecture, now, now],
      );
      await appendEvent(
        connection,
        'server.application.registered',
        application.id,
        1,
        application,
      );
    });
    return reply.code(201).send(application);
  },
);

type ServerBody = {
  name: string;
  cpuCores?: number;
  ramMb?: number;
  diskGb?: number;
  environment: string;
  operatingSystem: { name: string; version: string; architecture: string };
};

app.post<{ Body: ServerBody }>('/servers', async (request, reply) => {
  const now = new Date();
  const {
    name,
    cpuCores = null,
    ramMb = null,
    diskGb = null,
    environment,
    operatingSystem,
  } = request.body;
  const id = randomUUID();
  await inTransaction(async (connection) => {
    await connection.query(
      'INSERT INTO servers (id, name, cpu_cores, ram_mb, disk_gb, environment, os_name, os_version, os_architecture, ' +
        "status, revision, created_at, updated_at, discarded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'stopped', 1, ?, ?, 0)",
      [
        id,
        name,
        cpuCores,
        ramMb,
        diskGb,
        environment,
        operatingSystem.name,
        operatingSystem.version,
        operatingSystem.architecture,
        now,
        now,
      ],
    );
    await appendEvent(connection, 'server.server.registered', id, 1, request.body);
  });
  // Answered from what was written, as the service answers from its committed aggregate.
  return reply.code(201).send({
    id,
    name,
    cpuCores,
    ramMb,
    diskGb,
    environment,
    operatingSystem,
    tags: [],
    status: 'stopped',
    credentials: [],
    applications: [],
    revision: 1,
    createdAt: now,
    updatedAt: now,
    discarded: false,
  });
});

app.patch<{ Params: { id: string }; Body: { ramMb: number } }>(
  '/servers/:id',
  async (request, reply) => {
    const { id } = request.params;
    // The server with its children, locked as the service loads it; the answer is built from
    // it and the change, as the service answers from its committed aggregate.
    const updated = await inTransaction(async (connection) => {
      const [rows] = await connection.query<RowDataPacket[]>(
        `SELECT ${SERVER_COLUMNS}, ${CHILDREN_COLUMNS} FROM servers s WHERE s.id = ? FOR UPDATE`,
        [id],
      );
      if (rows.length === 0) return undefined;
      const [row] = rows;
      const current = serverOf(row);
      if (row.ramMb === request.body.ramMb) return current;
      const revision = row.revision + 1;
      const updatedAt = new Date();
      await connection.query(
        'UPDATE servers SET ram_mb = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?',
        [request.body.ramMb, revision, updatedAt, id, row.revision],
      );
      await appendEvent(connection, 'server.server.modified', id, revision, {
        changes: { ramMb: { from: row.ramMb, to: request.body.ramMb } },
      });
      return { ...current, ramMb: request.body.ramMb, revision, updatedAt };
    });
    return updated ?? reply.code(404).send({ status: 404 });
  },
);

/**
 * Install or change: the service's locks in the service's order (the server row with its
 * children for update, then the catalogue application shared, then the rows written), its
 * revision bump, its child write and its event; answered from what it read and wrote, as the
 * service answers from its committed aggregate and the catalogue entry it looked up.
 */
app.put<{
  Params: { id: string; applicationId: string };
  Body: { installDir: string; logDir?: string };
}>('/servers/:id/applications/:applicationId', async (request, reply) => {
  const { id, applicationId } = request.params;
  const { installDir, logDir = null } = request.body;
  const outcome = await inTransaction(async (connection) => {
    const [servers] = await connection.query<RowDataPacket[]>(
      `SELECT ${SERVER_COLUMNS}, ${CHILDREN_COLUMNS} FROM servers s WHERE s.id = ? FOR UPDATE`,
      [id],
    );
    if (servers.length === 0) return { status: 404 };
    const [row] = servers;
    const current = serverOf(row);
    const [applications] = await connection.query<RowDataPacket[]>(
      'SELECT name, version, architecture, discarded FROM applications WHERE id = ? LOCK IN SHARE MODE',
      [applicationId],
    );
    if (applications.length === 0) return { status: 404 };
    const [{ discarded, ...label }] = applications;
    if (discarded) return { status: 409 };
    const others = current.applications.filter((app) => app.applicationId !== applicationId);
    const isNew = others.length === current.applications.length;
    const revision = row.revision + 1;
    const updatedAt = new Date();
    await connection.query(
      'UPDATE servers SET revision = ?, updated_at = ? WHERE id = ? AND revision = ?',
      [revision, updatedAt, id, row.revision],
    );
    await connection.query(
      isNew
        ? 'INSERT INTO server_applications (install_dir, log_dir, server_id, application_id) VALUES (?, ?, ?, ?)'
        : 'UPDATE server_applications SET install_dir = ?, log_dir = ? WHERE server_id = ? AND application_id = ?',
      [installDir, logDir, id, applicationId],
    );
    await appendEvent(connection, 'server.server.application_installed', id, revision, {
      applicationId,
      installDir,
      logDir,
    });
    const installed = { applicationId, ...label, installDir, logDir };
    const answer = {
      ...current,
      applications: byKey([...others, installed], 'applicationId'),
      revision,
      updatedAt,
    };
    return { status: isNew ? 201 : 200, answer };
  });
  return reply.code(outcome.status).send(outcome.answer ?? { status: outcome.status });
});

app.listen({ port: Number(process.env.PORT ?? 4000), host: '127.0.0.1' }).then(() => {
  console.log('baseline ready');
});
