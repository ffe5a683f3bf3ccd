import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Marks a POST route as safe to retry with an Idempotency-Key (SPEC §3). Opt-in per route,
 * not global: a route-less interceptor costs every request (Nest wraps each call in rxjs and
 * AsyncResource bindings), and some POSTs must never be replayed (an audited reveal).
 */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Retry safely: a repeat with the same key and body replays the first answer (Idempotent-Replayed: true); the same key with another body is a 422.',
    }),
    ApiResponse({ status: 422, description: 'Idempotency-Key reused with a different body' }),
  );
