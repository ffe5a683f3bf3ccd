import { HttpException, HttpStatus } from '@nestjs/common';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyUnderPressure from '@fastify/under-pressure';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest } from 'fastify';
import { bearerTokenOf, TokenVerifier } from '../auth/token-verifier';
import { AppConfig, OverloadConfig } from '../config/app-config';
import { Metrics, OverloadCause } from '../metrics/metrics';
import { PROBLEM_CONTENT_TYPE, problem } from './problem-details';

/**
 * Paths outside the API that probes, scrapers and people reading the docs must always reach:
 * neither rate-limited nor shed, so an overloaded instance still shows up as one.
 */
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

/** How often under-pressure samples heap and event loop delay (its default). */
const OVERLOAD_SAMPLE_INTERVAL_MS = 1000;

/** Long enough for a collection and the requests in flight to finish. */
const OVERLOAD_RETRY_AFTER_SECONDS = 5;

/** under-pressure's names for the two thresholds we set, and what each means to a client. */
const OVERLOAD_CAUSES: Readonly<Record<string, { cause: OverloadCause; meaning: string }>> = {
  [fastifyUnderPressure.TYPE_HEAP_USED_BYTES]: {
    cause: 'heap_used',
    meaning: 'its memory is nearly exhausted',
  },
  [fastifyUnderPressure.TYPE_EVENT_LOOP_DELAY]: {
    cause: 'event_loop_delay',
    meaning: 'it is too busy to answer in time',
  },
};

/**
 * Security headers on every answer, CORS only for the configured origins, load shedding and a
 * per-caller rate limit, all as Fastify plugins so they act in `onRequest`, before any body
 * is read.
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
  await shedLoadWhenOverloaded(app, config.overload);
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
 * Above a threshold every request outside UNLIMITED_PATH is answered 503 before it costs
 * anything, so an overloaded instance recovers instead of running out of heap and dying
 * (ADR 13). The readings are sampled, so the first second after start never sheds.
 */
async function shedLoadWhenOverloaded(
  app: NestFastifyApplication,
  overload: OverloadConfig,
): Promise<void> {
  if (overload.maxHeapUsedMb === 0 && overload.maxEventLoopDelayMs === 0) return;
  const metrics = app.get(Metrics);
  await app.register(fastifyUnderPressure, {
    maxHeapUsedBytes: overload.maxHeapUsedMb * 1024 * 1024,
    maxEventLoopDelay: overload.maxEventLoopDelayMs,
    sampleInterval: OVERLOAD_SAMPLE_INTERVAL_MS,
    // Answering here ends the request: Fastify runs no later hook once the reply is sent.
    pressureHandler: (request: FastifyRequest, reply: FastifyReply, type: string) => {
      if (UNLIMITED_PATH.test(request.url)) return;
      const { cause, meaning } = OVERLOAD_CAUSES[type];
      metrics.requestsShed.inc({ cause });
      void reply
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .header('Retry-After', String(OVERLOAD_RETRY_AFTER_SECONDS))
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          problem(
            'unavailable',
            HttpStatus.SERVICE_UNAVAILABLE,
            `The service is overloaded (${meaning}); retry in ${OVERLOAD_RETRY_AFTER_SECONDS} s, on another instance if there is one.`,
          ),
        );
    },
  });
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
