import { omitUndefined, validateAll, ValueObject } from '@servertree/ddd';
import { Environment } from './environment.value-object';
import { Hardware } from './hardware.value-object';
import { OperatingSystem, OperatingSystemParts } from './operating-system.value-object';
import { ServerName } from './server-name.value-object';
import { TagSet } from './tags/tag-set.value-object';

/** Raw input for a server's own fields: the value objects decide whether it is acceptable. */
export interface ServerDetails {
  readonly name: unknown;
  readonly cpuCores?: unknown;
  readonly ramMb?: unknown;
  readonly diskGb?: unknown;
  readonly environment: unknown;
  readonly operatingSystem: unknown;
  /** Replaced as a whole; absent at registration means none. */
  readonly tags?: unknown;
}

/** The profile as plain values: how storage holds it and how events compare it. */
export interface ServerProfileValues {
  readonly name: string;
  readonly cpuCores: number | null;
  readonly ramMb: number | null;
  readonly diskGb: number | null;
  readonly environment: string;
  readonly operatingSystem: OperatingSystemParts;
  /** Sorted, distinct. */
  readonly tags: readonly string[];
}

interface ServerProfileProps {
  readonly name: ServerName;
  readonly hardware: Hardware;
  readonly environment: Environment;
  readonly operatingSystem: OperatingSystem;
  readonly tags: TagSet;
}

/** What a server is, as opposed to how it runs: the fields PATCH /servers/{id} changes,
 * tags included. */
export class ServerProfile extends ValueObject<ServerProfileProps> {
  static create(details: ServerDetails): ServerProfile {
    return new ServerProfile(
      validateAll({
        name: () => ServerName.create(details.name),
        hardware: () => Hardware.create(details),
        environment: () => Environment.create(details.environment),
        operatingSystem: () => OperatingSystem.create(details.operatingSystem),
        tags: () => TagSet.create(details.tags),
      }),
    );
  }

  /** This profile with the given fields replaced; null clears an optional one. */
  with(changes: Partial<ServerDetails>): ServerProfile {
    return ServerProfile.create({ ...this.toJSON(), ...omitUndefined(changes) });
  }

  toJSON(): ServerProfileValues {
    const { name, hardware, environment, operatingSystem, tags } = this.props;
    return {
      name: name.value,
      ...hardware.toJSON(),
      environment: environment.value,
      operatingSystem: operatingSystem.toJSON(),
      tags: tags.toJSON(),
    };
  }
}
