import { SealedPassword } from '../../domain/credentials/sealed-password.value-object';
import { Server } from '../../domain/server.aggregate';
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

/** Translates between the aggregate and its rows. */
export const ServerMapper = {
  toRows(server: Server): ServerRows {
    const { name, cpuCores, ramMb, diskGb, environment, operatingSystem, tags } =
      server.profile.toJSON();
    return {
      server: {
        id: server.id,
        name,
        cpuCores,
        ramMb,
        diskGb,
        environment,
        osName: operatingSystem.name,
        osVersion: operatingSystem.version,
        osArchitecture: operatingSystem.architecture,
        status: server.status.value,
        revision: server.revision,
        createdAt: server.createdAt,
        updatedAt: server.updatedAt,
        discarded: server.discarded,
      },
      credentials: server.credentials.map((credential) => {
        const { id, connectionType, username, localIp, localPort, publicIp, publicPort } =
          credential.snapshot();
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
      tags: tags.map((tag) => ({ serverId: server.id, tag })),
    };
  },

  toDomain({ server, credentials, applications, tags }: ServerRows): Server {
    return Server.reconstitute(
      server.id,
      {
        profile: {
          name: server.name,
          cpuCores: server.cpuCores,
          ramMb: server.ramMb,
          diskGb: server.diskGb,
          environment: server.environment,
          operatingSystem: {
            name: server.osName,
            version: server.osVersion,
            architecture: server.osArchitecture,
          },
          tags: tags.map((row) => row.tag),
        },
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
