import { SetMetadata } from '@nestjs/common';

export const IDEMPOTENCY_EXEMPT = 'servertree:idempotency-exempt';

/**
 * The route ignores Idempotency-Key: its answer must not be stored (a revealed password) or
 * every call must take effect (an audited reveal).
 */
export const IdempotencyExempt = (): MethodDecorator => SetMetadata(IDEMPOTENCY_EXEMPT, true);
