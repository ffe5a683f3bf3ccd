import { expectProblem } from '../support/problem';
import { useTestApp } from '../support/test-app';

const APPLICATIONS = '/api/v1/applications';
const ALLOWED_ORIGIN = 'https://ops.example.com';

describe('Rate limits, security headers and CORS (MariaDB)', () => {
  describe('with RATE_LIMIT_PER_MINUTE=3 and CORS_ORIGINS set', () => {
    const t = useTestApp({
      env: {
        RATE_LIMIT_PER_MINUTE: '3',
        CORS_ORIGINS: `${ALLOWED_ORIGIN},http://localhost:5173`,
      },
    });

    it('gives each token subject its own budget and answers the 4th request with a 429 problem', async () => {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const response = await t.http('reader', 'alice').get(APPLICATIONS).expect(200);
        expect(response.headers['ratelimit-limit']).toBe('3');
        expect(response.headers['ratelimit-remaining']).toBe(String(3 - attempt));
      }
      const refused = await t.http('reader', 'alice').get(APPLICATIONS);
      expectProblem(refused, 429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.headers['ratelimit-remaining']).toBe('0');
      expect(refused.headers['x-request-id']).toEqual(expect.any(String));

      await t.http('reader', 'bob').get(APPLICATIONS).expect(200);
    });

    it('keys callers without a valid token by address, and a forged subject does not escape it', async () => {
      const forged = (subject: string) =>
        t
          .http('anonymous')
          .get(APPLICATIONS)
          .set('Authorization', `Bearer ${Buffer.from(subject).toString('base64')}.x.y`);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        statuses.push((await forged(`forged-${attempt}`)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });

    it('never limits health, docs or the AsyncAPI document', async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        await t.http('anonymous').get('/health/live').expect(200);
        await t.http('anonymous').get('/docs-json').expect(200);
        await t.http('anonymous').get('/asyncapi.json').expect(200);
      }
    });

    it('answers a listed origin with CORS headers that expose ETag and X-Request-ID', async () => {
      const preflight = await t
        .http('anonymous')
        .options(APPLICATIONS)
        .set('Origin', ALLOWED_ORIGIN)
        .set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'authorization,if-match,content-type');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(preflight.headers['access-control-allow-methods']).toContain('PATCH');

      const response = await t
        .http('reader', 'carol')
        .get(APPLICATIONS)
        .set('Origin', ALLOWED_ORIGIN);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(response.headers['access-control-expose-headers']).toMatch(/ETag/i);
      expect(response.headers['access-control-expose-headers']).toMatch(/X-Request-ID/i);
    });

    it('gives an unlisted origin no CORS headers', async () => {
      const response = await t
        .http('reader', 'dave')
        .get(APPLICATIONS)
        .set('Origin', 'https://evil.example.com');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('by default (tests: no limit, no CORS)', () => {
    const t = useTestApp();

    it('does not limit and sends no RateLimit headers', async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await t.http('reader', 'erin').get(APPLICATIONS).expect(200);
        expect(response.headers['ratelimit-limit']).toBeUndefined();
      }
    });

    it('sends no CORS headers, even to a browser origin', async () => {
      const response = await t.http('reader').get(APPLICATIONS).set('Origin', ALLOWED_ORIGIN);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });

    it.each([APPLICATIONS, '/api/v1/nothing-here', '/health/live', '/docs'])(
      'puts the security headers on %s',
      async (path) => {
        const response = await t.http('reader').get(path);
        expect(response.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringMatching(/max-age=\d+/),
          'referrer-policy': 'no-referrer',
          'content-security-policy': expect.stringContaining("default-src 'self'"),
        });
        expect(response.headers['x-powered-by']).toBeUndefined();
      },
    );

    it('puts them on a problem answered before routing too', async () => {
      const response = await t
        .http('reader')
        .post(APPLICATIONS)
        .set('Content-Type', 'text/plain')
        .send('x');
      expectProblem(response, 415);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });
  });
});
