/**
 * The yardstick: the same three endpoints written the shortest way on raw Fastify + mysql2,
 * with none of the service's layers (no auth, validation, CQRS, outbox relay). It does the
 * same SQL work per request, so the difference to ServerTree is what the architecture costs.
 *
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/db PORT=4000 node -r ts-node/register/transpile-only scripts/bench/baseline-server.ts
 */
import Fastify from 'fastify';
import { createPool, RowDataPacket } from 'mysql2/promise';
import { randomUUID } from 'node:crypto';

const pool = createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z' });
const app = Fastify();
const COLUMNS =
  'id, name, version, architecture, revision, created_at AS createdAt, updated_at AS updatedAt, discarded';

app.get<{ Params: { id: string } }>('/applications/:id', async (request, reply) => {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT ${COLUMNS} FROM applications WHERE id = ?`,
    [request.params.id],
  );
  if (rows.length === 0) return reply.code(404).send({ status: 404 });
  return rows[0];
});

app.get<{ Querystring: { limit?: string; offset?: string } }>('/applications', async (request) => {
  const limit = Number(request.query.limit ?? 25);
  const offset = Number(request.query.offset ?? 0);
  const [[items], [count]] = await Promise.all([
    pool.query<RowDataPacket[]>(
      `SELECT ${COLUMNS} FROM applications WHERE discarded = 0 ORDER BY created_at, id LIMIT ? OFFSET ?`,
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
    const connection = await pool.getConnection();
    try {
      await connection.beginTransaction();
      await connection.query(
        'INSERT INTO applications (id, name, version, architecture, revision, created_at, updated_at, discarded) VALUES (?, ?, ?, ?, 1, ?, ?, 0)',
        [application.id, application.name, application.version, application.architecture, now, now],
      );
      await connection.query(
        `INSERT INTO outbox (id, type, aggregate_type, aggregate_id, aggregate_revision, occurred_at, correlation_id, actor, data)
       VALUES (?, 'server.application.registered', 'application', ?, 1, ?, ?, 'baseline', ?)`,
        [randomUUID(), application.id, now, String(request.id), JSON.stringify(application)],
      );
      await connection.commit();
    } catch (error) {
      await connection.rollback();
      throw error;
    } finally {
      connection.release();
    }
    return reply.code(201).send(application);
  },
);

app.listen({ port: Number(process.env.PORT ?? 4000), host: '127.0.0.1' }).then(() => {
  console.log('baseline ready');
});
