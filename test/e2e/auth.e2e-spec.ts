import { createHmac, generateKeyPairSync } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import { expectProblem } from '../support/problem';
import { startTestApp, TEST_JWT_SECRET, useTestApp } from '../support/test-app';

const BASE = '/api/v1/applications';
const body = (name: string) => ({ name, version: '1', architecture: 'x86_64' });

describe('Authentication and roles', () => {
  const t = useTestApp({ database: 'sqlite' });

  const withToken = (token: string) =>
    t.http('anonymous').get(BASE).set('Authorization', `Bearer ${token}`);

  it('answers 401 problem+json with WWW-Authenticate when no token is sent', async () => {
    const response = await t.http('anonymous').get(BASE);
    expectProblem(response, 401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="servertree"');
  });

  it.each([
    ['a malformed header', () => t.http('anonymous').get(BASE).set('Authorization', 'Token abc')],
    ['garbage', () => withToken('not.a.jwt')],
    [
      'a wrong signature',
      () => withToken(sign({ roles: ['admin'] }, 'x'.repeat(40), { expiresIn: 60 })),
    ],
    ['an expired token', () => withToken(t.token({ roles: ['admin'] }, -10))],
    ['a token without exp', () => withToken(sign({ roles: ['admin'] }, TEST_JWT_SECRET))],
    ['a token without a known role', () => withToken(t.token({ roles: ['superuser'] }))],
    [
      'an unsigned token (alg none)',
      () => withToken(unsigned({ roles: ['admin'], exp: Math.floor(Date.now() / 1000) + 60 })),
    ],
  ])('answers 401 to %s', async (_case, send) => {
    expectProblem(await send(), 401);
  });

  it('lets a reader read but not write (403)', async () => {
    await t.http('reader').get(BASE).expect(200);
    expectProblem(await t.http('reader').post(BASE).send(body('reader-app')), 403);
  });

  it('lets an editor write, and names the token subject as the actor of the event', async () => {
    const created = await t
      .http('editor', 'alice@example.com')
      .post(BASE)
      .send(body('editor-app'))
      .expect(201);
    const [event] = await t.dataSource.query('SELECT actor FROM outbox WHERE aggregate_id = ?', [
      created.body.id,
    ]);
    expect(event.actor).toBe('alice@example.com');
  });

  it('keeps health probes, Swagger UI and the OpenAPI document open', async () => {
    await t.http('anonymous').get('/health/live').expect(200);
    await t.http('anonymous').get('/health/ready').expect(200);
    await t.http('anonymous').get('/docs').expect(200);
    const openApi = await t.http('anonymous').get('/docs-json').expect(200);
    expect(openApi.body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });
});

describe('RS256 tokens (AUTH_JWT_PUBLIC_KEY)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const t = useTestApp({
    database: 'sqlite',
    env: { AUTH_JWT_SECRET: '', AUTH_JWT_PUBLIC_KEY: publicPem },
  });

  it('accepts a token signed with the private key', async () => {
    const token = sign({ roles: ['reader'] }, privateKey, { algorithm: 'RS256', expiresIn: 60 });
    await t.http('anonymous').get(BASE).set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('refuses an HS256 token that uses the public key as its secret (algorithm confusion)', async () => {
    // jsonwebtoken refuses to sign this itself, so the forged token is put together by hand.
    const token = forgeHs256(
      { roles: ['admin'], exp: Math.floor(Date.now() / 1000) + 60 },
      publicPem,
    );
    expectProblem(await t.http('anonymous').get(BASE).set('Authorization', `Bearer ${token}`), 401);
  });
});

describe('without any auth setting (development)', () => {
  it('generates a secret once (mode 0600) and logs a ready admin token that works', async () => {
    const warnings: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
    const t = await startTestApp({
      database: 'sqlite',
      env: { AUTH_JWT_SECRET: '', LOG_LEVEL: 'warn' },
    });
    try {
      const token = /Admin token[^\n]*\n(\S+)/.exec(warnings.join('\n'))?.[1];
      expect(token).toBeDefined();
      await t
        .http('anonymous')
        .post(BASE)
        .set('Authorization', `Bearer ${token}`)
        .send(body('dev-app'))
        .expect(201);
      expect(statSync(join(t.config.dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);
    } finally {
      spy.mockRestore();
      await t.close();
    }
  });
});

function forgeHs256(claims: object, secret: string): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsignedToken = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsignedToken}.${createHmac('sha256', secret).update(unsignedToken).digest('base64url')}`;
}

function unsigned(claims: object): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
