import type { AggregateRoot } from '../domain';

/**
 * What a command answers: which aggregate it touched and the revision it left. Callers that
 * want the full picture ask the query side, so commands never shape read models.
 */
export interface CommandAcknowledgement {
  readonly id: string;
  readonly revision: number;
}

/**
 * The acknowledgement of a command whose caller answers with the resource (a write over
 * HTTP): it also hands back the aggregate as the command left it. Once the command bus has
 * returned, the transaction has committed, so that is the committed state; the read side turns
 * it into the answer (ADR 4) instead of reading the rows back.
 */
export interface AggregateAcknowledgement<T extends AggregateRoot> extends CommandAcknowledgement {
  readonly aggregate: T;
}

export function acknowledge<T extends AggregateRoot>(aggregate: T): AggregateAcknowledgement<T> {
  return { id: aggregate.id, revision: aggregate.revision, aggregate };
}
