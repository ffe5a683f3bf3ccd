import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AsyncContext, Command, CommandBus, CqrsModuleOptions, ICommand } from '@nestjs/cqrs';
// The options token is not re-exported by the package index; its value is a public string.
import { CQRS_MODULE_OPTIONS } from '@nestjs/cqrs/dist/constants';
import { CommandObserver } from '../metrics/command-observer';
import { UnitOfWork } from './unit-of-work';

/**
 * The command bus of the whole application: every command runs inside one unit of work.
 * Putting the transaction here - not in an HTTP interceptor, not in each handler - means a
 * handler is transactional however it is invoked (controller, saga, message consumer, CLI)
 * and cannot forget to be.
 */
@Injectable()
export class UnitOfWorkCommandBus extends CommandBus {
  // Parameter order mirrors CommandBus: its @Inject metadata for index 1 is inherited.
  constructor(
    moduleRef: ModuleRef,
    @Optional() @Inject(CQRS_MODULE_OPTIONS) options: CqrsModuleOptions | undefined,
    private readonly unitOfWork: UnitOfWork,
    private readonly observer: CommandObserver,
  ) {
    super(moduleRef, options);
  }

  override execute<R = void>(command: Command<R>, context?: AsyncContext): Promise<R>;
  override execute<T extends ICommand, R = unknown>(command: T, context?: AsyncContext): Promise<R>;
  override execute(command: ICommand, context?: AsyncContext): Promise<unknown> {
    return this.observer.observe(command, () =>
      this.unitOfWork.run(() => super.execute(command, context)),
    );
  }
}
