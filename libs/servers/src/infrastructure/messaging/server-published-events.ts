import { APPLICATION_LABEL_MAX_LENGTHS } from '@servertree/catalog';
import type { EventContract } from '@servertree/messaging';
import {
  fieldChanges,
  JsonSchema,
  modifiedDataSchema,
  NO_DATA,
  objectSchema,
} from '@servertree/messaging';
import type { Credential } from '../../domain/credentials/credential.entity';
import { Username } from '../../domain/credentials/username.value-object';
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
import { HARDWARE_LIMITS } from '../../domain/hardware.value-object';
import { DirectoryPath } from '../../domain/installations/directory-path.value-object';
import { UNINSTALL_REASONS } from '../../domain/installations/uninstall-reason';
import { Port } from '../../domain/network/port.value-object';
import { OperatingSystem } from '../../domain/operating-system.value-object';
import { ServerName } from '../../domain/server-name.value-object';
import { SERVER_STATUSES } from '../../domain/server-status.value-object';
import { SLUG_PATTERN } from '../../domain/slug';
import { MAX_TAGS } from '../../domain/tags/tag-set.value-object';
import { TAG_PATTERN } from '../../domain/tags/tag.value-object';

const UUID = { type: 'string', format: 'uuid' };
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const optionalInteger = ({ min, max }: { min: number; max: number }) => ({
  type: ['integer', 'null'],
  minimum: min,
  maximum: max,
});
const SLUG = { type: 'string', pattern: SLUG_PATTERN.source };
const STATUS = { type: 'string', enum: SERVER_STATUSES };
const PORT = { type: 'integer', minimum: 1, maximum: Port.MAX };
const IP = { type: 'string', description: 'IPv4, or IPv6 in RFC 5952 form' };
const PATH = {
  ...text(DirectoryPath.MAX_LENGTH),
  description: 'Absolute: /opt/app or C:\\Program Files\\App',
};
const OS_PART = text(OperatingSystem.PART_MAX_LENGTH);

/** The server's own fields: what `registered` shows and `modified` compares. */
const PROFILE: Readonly<Record<string, JsonSchema>> = {
  name: text(ServerName.MAX_LENGTH),
  cpuCores: optionalInteger(HARDWARE_LIMITS.cpuCores),
  ramMb: optionalInteger(HARDWARE_LIMITS.ramMb),
  diskGb: optionalInteger(HARDWARE_LIMITS.diskGb),
  environment: SLUG,
  operatingSystem: objectSchema({ name: OS_PART, version: OS_PART, architecture: OS_PART }),
  tags: {
    type: 'array',
    description: 'Sorted, distinct',
    maxItems: MAX_TAGS,
    uniqueItems: true,
    items: { type: 'string', pattern: TAG_PATTERN.source },
  },
};

const CREDENTIAL_ACCESS: Readonly<Record<string, JsonSchema>> = {
  connectionType: SLUG,
  username: text(Username.MAX_LENGTH),
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

/** The catalogue's label of an installed application, under the catalogue's limits. */
const APPLICATION_LABEL = {
  name: text(APPLICATION_LABEL_MAX_LENGTHS.name),
  version: text(APPLICATION_LABEL_MAX_LENGTHS.version),
  architecture: text(APPLICATION_LABEL_MAX_LENGTHS.architecture),
};

const SERVER = objectSchema({
  id: UUID,
  ...PROFILE,
  status: STATUS,
  credentials: { type: 'array', items: CREDENTIAL },
  applications: { type: 'array', items: objectSchema({ ...INSTALLATION, ...APPLICATION_LABEL }) },
  revision: { type: 'integer', const: 1 },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  discarded: { type: 'boolean', const: false },
});

const CREDENTIAL_CHANGES = (
  modifiedDataSchema(CREDENTIAL_ACCESS, ['password']).properties as Record<string, JsonSchema>
).changes;

/** A credential as the API shows it, in the API's field order. */
function credentialData(credential: Credential): object {
  const { id, connectionType, username, localIp, localPort, publicIp, publicPort } =
    credential.toJSON();
  return {
    id,
    connectionType,
    username,
    hasPassword: true,
    localIp,
    localPort,
    publicIp,
    publicPort,
  };
}

const registered: EventContract<ServerRegistered> = {
  event: ServerRegistered,
  type: 'server.server.registered',
  summary:
    'A server was registered, with any credentials and applications it came with; data is the server as the API shows it.',
  dataSchema: SERVER,
  toData: ({ aggregateId, revision, occurredAt, data }) => ({
    id: aggregateId,
    ...data.profile.toJSON(),
    status: data.status.value,
    credentials: data.credentials.map(credentialData),
    applications: data.applications.map(({ installation, label }) => {
      const { applicationId, installDir, logDir } = installation.toJSON();
      const { name, version, architecture } = label;
      return { applicationId, name, version, architecture, installDir, logDir };
    }),
    revision,
    createdAt: occurredAt.toISOString(),
    updatedAt: occurredAt.toISOString(),
    discarded: false,
  }),
};

const modified: EventContract<ServerModified> = {
  event: ServerModified,
  type: 'server.server.modified',
  summary: 'A server was changed; data lists only the fields that changed.',
  dataSchema: modifiedDataSchema(PROFILE),
  toData: ({ data }) => ({
    changes: fieldChanges(data.before.toJSON(), data.after.toJSON()).toJSON(),
  }),
};

const statusChanged: EventContract<ServerStatusChanged> = {
  event: ServerStatusChanged,
  type: 'server.server.status_changed',
  summary: "A server's status changed.",
  dataSchema: objectSchema({ from: STATUS, to: STATUS }),
  toData: ({ data }) => ({ from: data.from.value, to: data.to.value }),
};

const discarded: EventContract<ServerDiscarded> = {
  event: ServerDiscarded,
  type: 'server.server.discarded',
  summary: 'A server was discarded; it accepts no further changes.',
  ...NO_DATA,
};

const credentialAdded: EventContract<CredentialAdded> = {
  event: CredentialAdded,
  type: 'server.server.credential_added',
  summary: 'A credential was added to a server; data is the credential without its password.',
  dataSchema: CREDENTIAL,
  toData: ({ data }) => credentialData(data.credential),
};

const credentialModified: EventContract<CredentialModified> = {
  event: CredentialModified,
  type: 'server.server.credential_modified',
  summary:
    'A credential was changed; a replaced password shows only as `password: { changed: true }`.',
  dataSchema: objectSchema({ credentialId: UUID, changes: CREDENTIAL_CHANGES }),
  toData: ({ data: { before, after, passwordReplaced } }) => {
    const { id: credentialId, ...accessBefore } = before.toJSON();
    const { id: _, ...accessAfter } = after.toJSON();
    const changes = fieldChanges(accessBefore, accessAfter);
    if (passwordReplaced) changes.conceal('password');
    return { credentialId, changes: changes.toJSON() };
  },
};

/** The data of events about one credential that need say no more: `{ credentialId }`. */
const CREDENTIAL_ID = {
  dataSchema: objectSchema({ credentialId: UUID }),
  toData: ({ data }: CredentialRemoved | CredentialRevealed) => ({
    credentialId: data.credentialId,
  }),
};

const credentialRemoved: EventContract<CredentialRemoved> = {
  event: CredentialRemoved,
  type: 'server.server.credential_removed',
  summary: 'A credential was removed from a server.',
  ...CREDENTIAL_ID,
};

const credentialRevealed: EventContract<CredentialRevealed> = {
  event: CredentialRevealed,
  type: 'server.server.credential_revealed',
  summary: "A credential's password was revealed; the actor says who read it.",
  ...CREDENTIAL_ID,
};

const applicationInstalled: EventContract<ApplicationInstalled> = {
  event: ApplicationInstalled,
  type: 'server.server.application_installed',
  summary:
    'An application was installed on a server, or moved: data holds the directories now in force.',
  dataSchema: objectSchema(INSTALLATION),
  toData: ({ data }) => data.installation.toJSON(),
};

const applicationUninstalled: EventContract<ApplicationUninstalled> = {
  event: ApplicationUninstalled,
  type: 'server.server.application_uninstalled',
  summary:
    'An application was uninstalled from a server, on request or because the catalogue discarded it.',
  dataSchema: objectSchema({
    applicationId: UUID,
    reason: { type: 'string', enum: UNINSTALL_REASONS },
  }),
  toData: ({ data }) => ({ applicationId: data.applicationId, reason: data.reason }),
};

/**
 * The server module's published contract (SPEC §4): routing keys, CloudEvent `data` and its
 * schema for each of its domain events. Subscribers depend on this, never on the domain
 * events; none of it carries a secret.
 */
export const SERVER_PUBLISHED_EVENTS: readonly EventContract[] = [
  registered,
  modified,
  statusChanged,
  discarded,
  credentialAdded,
  credentialModified,
  credentialRemoved,
  credentialRevealed,
  applicationInstalled,
  applicationUninstalled,
];
