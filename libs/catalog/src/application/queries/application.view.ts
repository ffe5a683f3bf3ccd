import type { Application } from '../../domain/application.aggregate';
import type { ApplicationValues } from '../../domain/application-description';

/** The read model of an application: exactly what the API shows. */
export interface ApplicationView extends ApplicationValues {
  readonly id: string;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly discarded: boolean;
}

/**
 * An application as a write committed it, shown as GET /applications/{id} shows it, in the same
 * field order: the answer to a write, without reading the row back (ADR 4).
 */
export function applicationViewOf(application: Application): ApplicationView {
  return {
    id: application.id,
    ...application.toJSON(),
    revision: application.revision,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    discarded: application.discarded,
  };
}
