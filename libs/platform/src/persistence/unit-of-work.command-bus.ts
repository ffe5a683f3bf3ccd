import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AsyncContext, Command, CommandBus, ICommand } from '@nestjs/cqrs';
import { CommandObserver } from '../metrics/command-observer';
import { UnitOfWork } from './unit-of-work';

/**
 * The command bus of the whole application: every command runs inside one unit of work, and
 * a command whose transaction lost to a concurrent one runs again as a whole (UnitOfWork).
 * Putting the transaction here - not in an HTTP interceptor, not in each handler - means a
 * handler is transactional however it is invoked (controller, saga, message consumer, CLI)
 * and cannot forget to be.
 *
 * It takes no CqrsModuleOptions: `cqrsWithUnitOfWork()` configures none, and their token is
 * not part of @nestjs/cqrs' public API. The explicit @Inject replaces the @Inject metadata
 * CommandBus declares for its second parameter (that token), which a subclass would inherit;
 * unit-of-work.command-bus.spec.ts pins that.
 */
@Injectable()
export class UnitOfWorkCommandBus extends CommandBus {
  constructor(
    moduleRef: ModuleRef,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CommandObserver) private readonly observer: CommandObserver,
  ) {
    super(moduleRef);
  }

  override execute<R = void>(command: Command<R>, context?: AsyncContext): Promise<R>;
  override execute<T extends ICommand, R = unknown>(command: T, context?: AsyncContext): Promise<R>;
  override execute(command: ICommand, context?: AsyncContext): Promise<unknown> {
    return this.observer.observe(command, () =>
      this.unitOfWork.run(() => super.execute(command, context)),
    );
  }
}
