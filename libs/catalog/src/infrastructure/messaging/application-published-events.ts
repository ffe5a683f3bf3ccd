import type { EventContract } from '@servertree/messaging';
import { fieldChanges, modifiedDataSchema, NO_DATA, objectSchema } from '@servertree/messaging';
import { ApplicationArchitecture } from '../../domain/application-architecture.value-object';
import { ApplicationName } from '../../domain/application-name.value-object';
import { ApplicationVersion } from '../../domain/application-version.value-object';
import { ApplicationDiscarded } from '../../domain/events/application-discarded.event';
import { ApplicationModified } from '../../domain/events/application-modified.event';
import { ApplicationRegistered } from '../../domain/events/application-registered.event';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const NAME = text(ApplicationName.MAX_LENGTH);
const VERSION = text(ApplicationVersion.MAX_LENGTH);
const ARCHITECTURE = text(ApplicationArchitecture.MAX_LENGTH);

/** The application as the API shows it. */
const APPLICATION = objectSchema({
  id: { type: 'string', format: 'uuid' },
  name: NAME,
  version: VERSION,
  architecture: ARCHITECTURE,
  revision: { type: 'integer', minimum: 1 },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  discarded: { type: 'boolean' },
});

const registered: EventContract<ApplicationRegistered> = {
  event: ApplicationRegistered,
  type: 'server.application.registered',
  summary:
    'An application was added to the catalogue; data is the application as the API shows it.',
  dataSchema: APPLICATION,
  toData: ({ aggregateId, revision, occurredAt, data }) => ({
    id: aggregateId,
    name: data.name.value,
    version: data.version.value,
    architecture: data.architecture.value,
    revision,
    createdAt: occurredAt.toISOString(),
    updatedAt: occurredAt.toISOString(),
    discarded: false,
  }),
};

const modified: EventContract<ApplicationModified> = {
  event: ApplicationModified,
  type: 'server.application.modified',
  summary: 'An application was changed; data lists only the fields that changed.',
  dataSchema: modifiedDataSchema({ name: NAME, version: VERSION, architecture: ARCHITECTURE }),
  toData: ({ data }) => ({ changes: fieldChanges(data.before, data.after).toJSON() }),
};

const discarded: EventContract<ApplicationDiscarded> = {
  event: ApplicationDiscarded,
  type: 'server.application.discarded',
  summary: 'An application was discarded; servers that have it installed uninstall it.',
  ...NO_DATA,
};

/**
 * The catalogue's published contract (SPEC §4): routing keys, CloudEvent `data` and its schema
 * for each of its domain events. Subscribers depend on this, never on the domain events.
 */
export const APPLICATION_PUBLISHED_EVENTS: readonly EventContract[] = [
  registered,
  modified,
  discarded,
];
