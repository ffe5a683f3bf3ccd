import { Injectable, Logger } from '@nestjs/common';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  RevisionMismatchError,
} from '@servertree/ddd';
import { inSpan } from '../tracing/in-span';
import { CommandOutcome, Metrics } from './metrics';

/**
 * What every command leaves behind for operators, whoever sent it (controller, consumer,
 * saga): a span `command <Class>` (tracing on), its duration by outcome, and a debug line.
 */
@Injectable()
export class CommandObserver {
  private readonly logger = new Logger('Commands');

  constructor(private readonly metrics: Metrics) {}

  async observe<T>(command: object, work: () => Promise<T>): Promise<T> {
    const name = command.constructor.name;
    const started = performance.now();
    let outcome: CommandOutcome = 'ok';
    try {
      return await inSpan(`command ${name}`, work);
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      const milliseconds = performance.now() - started;
      this.metrics.commandDuration.observe({ command: name, outcome }, milliseconds / 1000);
      this.logger.debug(`${name} ${outcome} in ${milliseconds.toFixed(1)} ms`);
    }
  }
}

/** The same reading of errors as the problem+json filter: 409/412 conflict, 400/404 invalid. */
function outcomeOf(error: unknown): CommandOutcome {
  if (error instanceof ConflictError || error instanceof RevisionMismatchError) return 'conflict';
  if (error instanceof InvalidInputError || error instanceof NotFoundError) return 'invalid';
  return 'error';
}
