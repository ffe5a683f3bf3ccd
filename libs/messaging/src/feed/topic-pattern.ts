import { InvalidInputError } from '@servertree/ddd';
import { matchesTopic } from '../consumers/topic-pattern';

const WORD = /^([a-z0-9_-]{1,64}|\*|#)$/;

/**
 * An AMQP topic binding pattern (`server.server.*`, `server.#`) that a feed reader or a webhook
 * subscription selects event types with; matched exactly as RabbitMQ matches routing keys.
 */
export class TopicPattern {
  private constructor(readonly value: string) {}

  /** @throws InvalidInputError naming `field` unless dot-separated words, `*` or `#`. */
  static parse(raw: string, field: string): TopicPattern {
    if (raw.length > 255 || !raw.split('.').every((word) => WORD.test(word))) {
      throw InvalidInputError.single(
        field,
        `${field} must be dot-separated words (a-z, 0-9, _ or -), * or #, e.g. server.server.*`,
      );
    }
    return new TopicPattern(raw);
  }

  matches(eventType: string): boolean {
    return matchesTopic(this.value, eventType);
  }
}
