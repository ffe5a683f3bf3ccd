import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { UnitOfWork } from './unit-of-work';

/**
 * Announces committed events on the in-process EventBus. Only committed events: a handler
 * or saga can never react to a change that was rolled back.
 */
@Injectable()
export class CommittedEventsBridge implements OnModuleInit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly eventBus: EventBus,
  ) {}

  onModuleInit(): void {
    this.unitOfWork.onCommitted((events) => this.eventBus.publishAll(events));
  }
}
