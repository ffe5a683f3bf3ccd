import { SealedPassword } from '../../domain/credentials/sealed-password.value-object';
import { Server } from '../../domain/server.aggregate';
import { ServerProfileValues } from '../../domain/server-profile.value-object';
import { ServerApplicationRecord } from './server-application.record';
import { ServerCredentialRecord } from './server-credential.record';
import { ServerRecord } from './server.record';
import { ServerTagRecord } from './server-tag.record';

/** The rows one server is stored in. */
export interface ServerRows {
  readonly server: ServerRecord;
  readonly credentials: ServerCredentialRecord[];
  readonly applications: ServerApplicationRecord[];
  readonly tags: ServerTagRecord[];
}

/** The columns of the `servers` row that hold the profile. */
export type ProfileColumns = Omit<ServerProfileValues, 'operatingSystem' | 'tags'> &
  Pick<ServerRecord, 'osName' | 'osVersion' | 'osArchitecture'>;

/**
 * Scalar profile fields are stored under their own names (a new one needs only its column on
 * ServerRecord); the operating system is the one field spread over columns.
 */
export function profileColumns({
  operatingSystem,
  tags: _,
  ...scalars
}: ServerProfileValues): ProfileColumns {
  return {
    ...scalars,
    osName: operatingSystem.name,
    osVersion: operatingSystem.version,
    osArchitecture: operatingSystem.architecture,
  };
}

/** The columns of a `servers` row that are not the profile's scalar fields. */
const NOT_SCALAR_PROFILE = new Set([
  'id',
  'status',
  'revision',
  'createdAt',
  'updatedAt',
  'discarded',
  'osName',
  'osVersion',
  'osArchitecture',
]);

/**
 * The profile held by a `servers` row (a record, or a raw row of the read side) and the
 * server's `server_tags` rows.
 */
export function profileOf(row: ProfileColumns, tags: readonly string[]): ServerProfileValues {
  const scalars = Object.entries(row).filter(([column]) => !NOT_SCALAR_PROFILE.has(column));
  return {
    ...(Object.fromEntries(scalars) as Omit<ServerProfileValues, 'operatingSystem' | 'tags'>),
    operatingSystem: { name: row.osName, version: row.osVersion, architecture: row.osArchitecture },
    tags,
  };
}

/** Translates between the aggregate and its rows. */
export const ServerMapper = {
  toRows(server: Server): ServerRows {
    return {
      server: {
        id: server.id,
        ...profileColumns(server.profile.toJSON()),
        status: server.status.value,
        revision: server.revision,
        createdAt: server.createdAt,
        updatedAt: server.updatedAt,
        discarded: server.discarded,
      },
      credentials: server.credentials.map((credential) => {
        const { id, connectionType, username, localIp, localPort, publicIp, publicPort } =
          credential.toJSON();
        return {
          id,
          serverId: server.id,
          connectionType,
          username,
          keyId: credential.password.keyId,
          passwordCiphertext: credential.password.ciphertext,
          localIp,
          localPort,
          publicIp,
          publicPort,
        };
      }),
      applications: server.installedApplications.map((installation) => ({
        serverId: server.id,
        ...installation.toJSON(),
      })),
      tags: server.profile.toJSON().tags.map((tag) => ({ serverId: server.id, tag })),
    };
  },

  toDomain({ server, credentials, applications, tags }: ServerRows): Server {
    return Server.reconstitute(
      server.id,
      {
        profile: profileOf(
          server,
          tags.map((row) => row.tag),
        ),
        status: server.status,
        credentials: credentials.map((credential) => ({
          ...credential,
          password: SealedPassword.of(credential.keyId, credential.passwordCiphertext),
        })),
        applications,
      },
      {
        revision: server.revision,
        createdAt: server.createdAt,
        updatedAt: server.updatedAt,
        discarded: Boolean(server.discarded),
      },
    );
  },
};
