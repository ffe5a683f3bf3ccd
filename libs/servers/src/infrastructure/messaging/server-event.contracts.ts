import type { EventContract } from '@servertree/messaging';
import { JsonSchema, modifiedDataSchema, objectSchema } from '@servertree/messaging';
import { ApplicationInstalled } from '../../domain/events/application-installed.event';
import { ApplicationUninstalled } from '../../domain/events/application-uninstalled.event';
import { CredentialAdded } from '../../domain/events/credential-added.event';
import { CredentialModified } from '../../domain/events/credential-modified.event';
import { CredentialRemoved } from '../../domain/events/credential-removed.event';
import { CredentialRevealed } from '../../domain/events/credential-revealed.event';
import { ServerDiscarded } from '../../domain/events/server-discarded.event';
import { ServerModified } from '../../domain/events/server-modified.event';
import { ServerRegistered } from '../../domain/events/server-registered.event';
import { ServerStatusChanged } from '../../domain/events/server-status-changed.event';
import { SERVER_STATUSES } from '../../domain/server-status.value-object';
import { MAX_TAGS } from '../../domain/tags/tag-set.value-object';
import { TAG_PATTERN } from '../../domain/tags/tag.value-object';

const UUID = { type: 'string', format: 'uuid' };
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const optionalInteger = (maximum: number) => ({ type: ['integer', 'null'], minimum: 1, maximum });
const STATUS = { type: 'string', enum: SERVER_STATUSES };
const PORT = { type: 'integer', minimum: 1, maximum: 65535 };
const IP = { type: 'string', description: 'IPv4, or IPv6 in RFC 5952 form' };
const PATH = { ...text(255), description: 'Absolute: /opt/app or C:\\Program Files\\App' };

/** The server's own fields: what `registered` shows and `modified` compares. */
const PROFILE: Readonly<Record<string, JsonSchema>> = {
  name: text(255),
  cpuCores: optionalInteger(4096),
  ramMb: optionalInteger(67_108_864),
  diskGb: optionalInteger(1_048_576),
  environment: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,31}$' },
  operatingSystem: objectSchema({ name: text(64), version: text(64), architecture: text(64) }),
  tags: {
    type: 'array',
    description: 'Sorted, distinct',
    maxItems: MAX_TAGS,
    uniqueItems: true,
    items: { type: 'string', pattern: TAG_PATTERN.source },
  },
};

const CREDENTIAL_ACCESS: Readonly<Record<string, JsonSchema>> = {
  connectionType: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,31}$' },
  username: text(128),
  localIp: IP,
  localPort: PORT,
  publicIp: { ...IP, type: ['string', 'null'] },
  publicPort: { ...PORT, type: ['integer', 'null'] },
};

/** A credential as the API shows it: no password, only that there is one. */
const CREDENTIAL = objectSchema({
  id: UUID,
  ...CREDENTIAL_ACCESS,
  hasPassword: { const: true },
});

const INSTALLATION = {
  applicationId: UUID,
  installDir: PATH,
  logDir: { ...PATH, type: ['string', 'null'] },
};

const SERVER = objectSchema({
  id: UUID,
  ...PROFILE,
  status: STATUS,
  credentials: { type: 'array', items: CREDENTIAL },
  applications: {
    type: 'array',
    items: objectSchema({
      ...INSTALLATION,
      name: text(255),
      version: text(64),
      architecture: text(32),
    }),
  },
  revision: { type: 'integer', const: 1 },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  discarded: { type: 'boolean', const: false },
});

const CREDENTIAL_CHANGES = (
  modifiedDataSchema(CREDENTIAL_ACCESS, ['password']).properties as Record<string, JsonSchema>
).changes;

/** The server's published events (SPEC §4), for the AsyncAPI document. None carries a secret. */
export const SERVER_EVENT_CONTRACTS: readonly EventContract[] = [
  {
    event: ServerRegistered,
    summary:
      'A server was registered, with any credentials and applications it came with; data is the server as the API shows it.',
    dataSchema: SERVER,
  },
  {
    event: ServerModified,
    summary: 'A server was changed; data lists only the fields that changed.',
    dataSchema: modifiedDataSchema(PROFILE),
  },
  {
    event: ServerStatusChanged,
    summary: "A server's status changed.",
    dataSchema: objectSchema({ from: STATUS, to: STATUS }),
  },
  {
    event: ServerDiscarded,
    summary: 'A server was discarded; it accepts no further changes.',
    dataSchema: objectSchema({}),
  },
  {
    event: CredentialAdded,
    summary: 'A credential was added to a server; data is the credential without its password.',
    dataSchema: CREDENTIAL,
  },
  {
    event: CredentialModified,
    summary:
      'A credential was changed; a replaced password shows only as `password: { changed: true }`.',
    dataSchema: objectSchema({ credentialId: UUID, changes: CREDENTIAL_CHANGES }),
  },
  {
    event: CredentialRemoved,
    summary: 'A credential was removed from a server.',
    dataSchema: objectSchema({ credentialId: UUID }),
  },
  {
    event: CredentialRevealed,
    summary: "A credential's password was revealed; the actor says who read it.",
    dataSchema: objectSchema({ credentialId: UUID }),
  },
  {
    event: ApplicationInstalled,
    summary:
      'An application was installed on a server, or moved: data holds the directories now in force.',
    dataSchema: objectSchema(INSTALLATION),
  },
  {
    event: ApplicationUninstalled,
    summary:
      'An application was uninstalled from a server, on request or because the catalogue discarded it.',
    dataSchema: objectSchema({
      applicationId: UUID,
      reason: { type: 'string', enum: ['requested', 'application_discarded'] },
    }),
  },
];
