import { DynamicModule } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { UnitOfWorkCommandBus } from './unit-of-work.command-bus';

/**
 * `CqrsModule.forRoot()` with one provider replaced: providers of a dynamic module override
 * the module's static ones with the same token, so the CQRS module itself - and everything
 * that injects `CommandBus` - gets the transactional bus.
 */
export function cqrsWithUnitOfWork(): DynamicModule {
  const cqrs = CqrsModule.forRoot();
  return {
    ...cqrs,
    providers: [...(cqrs.providers ?? []), { provide: CommandBus, useClass: UnitOfWorkCommandBus }],
  };
}
