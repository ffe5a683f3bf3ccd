import { eventually } from '../support/eventually';
import { expectProblem } from '../support/problem';
import { TestApp, useTestApp } from '../support/test-app';

const APPLICATIONS = '/api/v1/applications';

/**
 * under-pressure reads heap and event loop delay once a second, not per request: until its
 * first reading (0 bytes, 0 ms) nothing is over any threshold.
 */
async function awaitFirstPressureReading(t: TestApp): Promise<void> {
  const fastify = t.app.getHttpAdapter().getInstance();
  await eventually(() => expect(fastify.memoryUsage().heapUsed).toBeGreaterThan(0), 5_000);
}

describe('Load shedding (ADR 13)', () => {
  describe('with a heap threshold the process already exceeds (OVERLOAD_MAX_HEAP_USED_MB=1)', () => {
    const t = useTestApp({ database: 'sqlite', env: { OVERLOAD_MAX_HEAP_USED_MB: '1' } });

    beforeAll(() => awaitFirstPressureReading(t));

    it('answers reads and writes 503 problem+json naming the overload, with Retry-After', async () => {
      const answers = [
        await t.http('reader').get(APPLICATIONS),
        await t.http('admin').post(APPLICATIONS).send({ name: 'shed-before-stored' }),
      ];
      for (const answer of answers) {
        const body = expectProblem(answer, 503);
        expect(body.type).toBe('urn:servertree:problem:service-unavailable');
        expect(body.detail).toMatch(/overloaded \(its memory is nearly exhausted\)/);
        expect(answer.headers['retry-after']).toBe('5');
        expect(answer.headers['x-request-id']).toEqual(expect.any(String));
      }
      const stored = await t.dataSource.query('SELECT COUNT(*) AS count FROM applications');
      expect(Number(stored[0].count)).toBe(0);
    });

    it('still answers health, readiness and /metrics, which counts the shed requests', async () => {
      await t.http('anonymous').get('/health/live').expect(200);
      await t.http('anonymous').get('/health/ready').expect(200);
      await t.http('reader').get(APPLICATIONS).expect(503);
      const { text } = await t.http('anonymous').get('/metrics').expect(200);
      const shed = /^servertree_http_requests_shed_total\{cause="heap_used"\} (\d+)$/m.exec(text);
      expect(Number(shed?.[1])).toBeGreaterThanOrEqual(1);
    });
  });

  describe('with thresholds the process stays below', () => {
    const t = useTestApp({
      database: 'sqlite',
      env: { OVERLOAD_MAX_HEAP_USED_MB: '1048576', OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '3600000' },
    });

    beforeAll(() => awaitFirstPressureReading(t));

    it('answers normally once the readings are in', async () => {
      await t.http('reader').get(APPLICATIONS).expect(200);
      const { text } = await t.http('anonymous').get('/metrics').expect(200);
      expect(text).not.toMatch(/^servertree_http_requests_shed_total\{/m);
    });
  });
});
