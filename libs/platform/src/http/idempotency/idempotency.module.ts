import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyRecord } from './idempotency.record';
import { IdempotencyStore } from './idempotency-store';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Idempotency-Key support for the routes marked @Idempotent (see IdempotencyInterceptor). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyRecord])],
  providers: [IdempotencyStore, IdempotencyInterceptor],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
