import { applyDecorators, NestInterceptor, Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from '../api-docs.decorators';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Marks a POST route as safe to retry with an Idempotency-Key (SPEC §3). Opt-in per route,
 * not global: a route-less interceptor costs every request (Nest wraps each call in rxjs and
 * AsyncResource bindings), and some POSTs must never be replayed (an audited reveal).
 */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    OutermostInterceptor(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Retry safely: a repeat with the same key and body replays the first answer (Idempotent-Replayed: true); the same key with another body is a 422.',
    }),
    ApiProblems(422),
  );

/**
 * Idempotency stores the answer as the client gets it, headers (ETag, Location) included, so it
 * must wrap the route's other interceptors (AnswerInterceptor sets those headers). Nest runs a
 * method's interceptors in the order of their metadata, which decorator order would otherwise
 * decide: this one puts itself first, wherever @Idempotent() is written.
 */
function OutermostInterceptor(interceptor: Type<NestInterceptor>): MethodDecorator {
  return (_target, _key, descriptor) => {
    const others: unknown[] = Reflect.getMetadata(INTERCEPTORS_METADATA, descriptor.value!) ?? [];
    Reflect.defineMetadata(INTERCEPTORS_METADATA, [interceptor, ...others], descriptor.value!);
  };
}
