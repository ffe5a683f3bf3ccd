import type { EventContract } from '@servertree/messaging';
import { modifiedDataSchema, objectSchema } from '@servertree/messaging';
import { ApplicationDiscarded } from '../../domain/events/application-discarded.event';
import { ApplicationModified } from '../../domain/events/application-modified.event';
import { ApplicationRegistered } from '../../domain/events/application-registered.event';

const NAME = { type: 'string', minLength: 1, maxLength: 255 };
const VERSION = { type: 'string', minLength: 1, maxLength: 64 };
const ARCHITECTURE = { type: 'string', minLength: 1, maxLength: 32 };

/** The application as the API shows it (ApplicationSnapshot). */
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

/** The catalogue's published events (SPEC §4), for the AsyncAPI document. */
export const APPLICATION_EVENT_CONTRACTS: readonly EventContract[] = [
  {
    event: ApplicationRegistered,
    summary:
      'An application was added to the catalogue; data is the application as the API shows it.',
    dataSchema: APPLICATION,
  },
  {
    event: ApplicationModified,
    summary: 'An application was changed; data lists only the fields that changed.',
    dataSchema: modifiedDataSchema({ name: NAME, version: VERSION, architecture: ARCHITECTURE }),
  },
  {
    event: ApplicationDiscarded,
    summary: 'An application was discarded; servers that have it installed uninstall it.',
    dataSchema: objectSchema({}),
  },
];
