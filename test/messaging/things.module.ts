import { Injectable, Module } from '@nestjs/common';
import {
  Command,
  CommandHandler,
  EventsHandler,
  ICommandHandler,
  IEventHandler,
} from '@nestjs/cqrs';
import {
  CloudEvent,
  IntegrationEventConsumer,
  IntegrationEventHandler,
  EventContract,
  objectSchema,
  OutboxWriter,
  PublishedEventsModule,
} from '@servertree/messaging';
import { Clock, DomainEvent } from '@servertree/ddd';
import { ExecutionContext, ExecutionContexts } from '@servertree/platform';

/**
 * Minimal modules for testing the delivery machinery on its own: a command that stores one
 * event, a consumer of those events whose failures the event itself scripts, and an EventBus
 * handler that always throws.
 */

export interface ThingData {
  readonly note: string;
  /** How many attempts of the consumer fail before one succeeds. */
  readonly failures?: number | 'always';
}

export class ThingHappened extends DomainEvent<ThingData> {}

const thingHappened: EventContract<ThingHappened> = {
  event: ThingHappened,
  type: 'test.thing.happened',
  summary: 'A thing happened.',
  dataSchema: objectSchema({}),
  toData: (event) => event.data,
};

export class RecordThingCommand extends Command<void> {
  constructor(
    readonly thingId: string,
    readonly revision: number,
    readonly data: ThingData,
    /** Fail after the event was stored: the transaction must take it back. */
    readonly failAfterStoring = false,
  ) {
    super();
  }
}

@CommandHandler(RecordThingCommand)
export class RecordThingHandler implements ICommandHandler<RecordThingCommand> {
  constructor(
    private readonly outboxWriter: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordThingCommand): Promise<void> {
    const event = new ThingHappened({
      aggregateId: command.thingId,
      revision: command.revision,
      occurredAt: this.clock.now(),
      data: command.data,
    });
    await this.outboxWriter.append('thing', [event]);
    if (command.failAfterStoring) throw new Error('failing after storing, on purpose');
  }
}

export const THINGS_CONSUMER = 'test.things';

@Injectable()
@IntegrationEventConsumer({ name: THINGS_CONSUMER, routingKeys: ['test.thing.*'] })
export class ThingsConsumer implements IntegrationEventHandler {
  /** Successful runs, with the execution context they ran in. */
  readonly handled: { event: CloudEvent<ThingData>; context: ExecutionContext }[] = [];
  /** Runs per note (notes are unique per test), failed ones included. */
  readonly attempts = new Map<string, number>();

  async handle(event: CloudEvent<ThingData>): Promise<void> {
    const { note, failures = 0 } = event.data;
    const attempt = (this.attempts.get(note) ?? 0) + 1;
    this.attempts.set(note, attempt);
    if (failures === 'always' || attempt <= failures) {
      throw new Error(`failing on purpose (attempt ${attempt})`);
    }
    this.handled.push({ event, context: ExecutionContexts.current() });
  }

  handledNotes(): string[] {
    return this.handled.map(({ event }) => event.data.note);
  }

  /** The successful run for the event with this note. */
  handledOf(note: string): { event: CloudEvent<ThingData>; context: ExecutionContext } {
    const run = this.handled.find(({ event }) => event.data.note === note);
    if (!run) throw new Error(`no event noted "${note}" was handled`);
    return run;
  }
}

@EventsHandler(ThingHappened)
export class ThrowingThingHandler implements IEventHandler<ThingHappened> {
  handle(): void {
    throw new Error('EventBus handler failing on purpose');
  }
}

@Module({
  imports: [PublishedEventsModule.forFeature([thingHappened])],
  providers: [RecordThingHandler, ThingsConsumer],
})
export class ThingsModule {}

/** Separate, so that only the tests about failing EventBus handlers fill the log with them. */
@Module({ providers: [ThrowingThingHandler] })
export class ThrowingEventHandlerModule {}
