import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import { etagOf } from '../etag';
import { Answer } from './answer';

/**
 * Turns what a resource route returns into its HTTP answer (SPEC §3: every read and write
 * answers `ETag: "<revision>"`, 204s included): the ETag from the result's revision, 201 and
 * Location for an `Answer.created`, and no body on a 204, whose result is then only the
 * command's acknowledgement. Applied by ReadRoute and WriteRoute.
 */
@Injectable()
export class AnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(map((result: unknown) => answer(reply, result)));
  }
}

function answer(reply: FastifyReply, result: unknown): unknown {
  const { body, revision, status, location } =
    result instanceof Answer ? result : { body: result, revision: revisionOf(result) };
  if (revision !== undefined) void reply.header('ETag', etagOf(revision));
  if (location !== undefined) void reply.header('Location', location);
  if (status !== undefined) void reply.status(status);
  return reply.statusCode === HttpStatus.NO_CONTENT ? undefined : body;
}

function revisionOf(result: unknown): number | undefined {
  const revision = (result as { revision?: unknown } | null | undefined)?.revision;
  return typeof revision === 'number' ? revision : undefined;
}
