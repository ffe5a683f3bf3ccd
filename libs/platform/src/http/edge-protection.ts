import { HttpException, HttpStatus } from '@nestjs/common';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyRequest } from 'fastify';
import { bearerTokenOf, TokenVerifier } from '../auth/token-verifier';
import { AppConfig } from '../config/app-config';

/** Paths outside the API that probes, scrapers and people reading the docs must always reach. */
const UNLIMITED_PATH = /^\/(?:health\/|metrics(?:$|\?)|docs(?:$|[/?-])|asyncapi\.json)/;

/** Headers a browser client needs to read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'X-Request-ID',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
];

/**
 * Security headers on every answer, CORS only for the configured origins, and a per-caller
 * rate limit, all as Fastify plugins so they act in `onRequest`, before any body is read.
 */
export async function installEdgeProtection(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        // Swagger UI at /docs styles itself inline and shows the validator badge as data: URIs.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
      },
    },
  });
  if (config.corsOrigins.length > 0) {
    await app.register(fastifyCors, {
      origin: [...config.corsOrigins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'If-Match',
        'Idempotency-Key',
        'X-Request-ID',
      ],
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
  if (config.rateLimitPerMinute > 0) {
    const verifier = app.get(TokenVerifier);
    await app.register(fastifyRateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      enableDraftSpec: true,
      allowList: (request) => UNLIMITED_PATH.test(request.url),
      keyGenerator: (request) => callerOf(request, verifier),
      errorResponseBuilder: (_request, context) =>
        new HttpException(
          `More than ${context.max} requests a minute; retry in ${context.after}.`,
          HttpStatus.TOO_MANY_REQUESTS,
        ),
    });
  }
}

/**
 * The verified token's subject, else the client address. Only a verified subject counts: a
 * caller minting unsigned tokens with fresh subjects would otherwise never hit the limit.
 */
function callerOf(request: FastifyRequest, verifier: TokenVerifier): string {
  const token = bearerTokenOf(request);
  if (token !== undefined) {
    try {
      return `subject:${verifier.verify(token).subject}`;
    } catch {
      // An invalid token is answered 401 by the guard; until then it counts against its address.
    }
  }
  return `address:${request.ip}`;
}
