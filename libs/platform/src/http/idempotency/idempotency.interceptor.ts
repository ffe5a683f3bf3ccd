import {
  CallHandler,
  ConflictException,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { ExecutionContexts } from '../../context/execution-context';
import { InvalidInputError } from '@servertree/ddd';
import { IdempotencyStore } from './idempotency-store';
import { StoredResponse } from './stored-response';

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['location', 'etag'];

/**
 * Idempotency-Key for the POST routes marked @Idempotent (SPEC §3): the first request runs and its answer is stored; a
 * repeat with the same body gets that answer again (marked `Idempotent-Replayed: true`) and
 * creates nothing; the same key with another body is a 422; a repeat while the first is still
 * running is a 409. A failed first request stores nothing, so the client can retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw InvalidInputError.single(
        'Idempotency-Key',
        'Idempotency-Key must be 1–255 visible ASCII characters',
      );
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const scope = ExecutionContexts.current().actor;
    const status =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;

    return from(this.store.claim(scope, key, fingerprintOf(request))).pipe(
      mergeMap((claim) => {
        switch (claim.outcome) {
          case 'replay':
            return of(replay(reply, claim.response));
          case 'different-request':
            throw new UnprocessableEntityException(
              'This Idempotency-Key was used with a different request.',
            );
          case 'in-progress':
            throw new ConflictException(
              'A request with this Idempotency-Key is still being processed.',
            );
          case 'first':
            return next.handle().pipe(
              mergeMap(async (body) => {
                await this.store.complete(scope, key, { status, headers: headersOf(reply), body });
                return body;
              }),
              catchError(async (error) => {
                await this.store.release(scope, key);
                throw error;
              }),
            );
        }
      }),
    );
  }
}

/** Key order does not make a body different: `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request. */
function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(
      `${request.method} ${request.url.split('?')[0]}\n${canonicalJson(request.body ?? null)}`,
    )
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function headersOf(reply: FastifyReply): Record<string, string> {
  return Object.fromEntries(
    REPLAYED_HEADERS.map((name) => [name, reply.getHeader(name)]).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function replay(reply: FastifyReply, response: StoredResponse): unknown {
  for (const [name, value] of Object.entries(response.headers)) void reply.header(name, value);
  void reply.header('Idempotent-Replayed', 'true');
  return response.body;
}
