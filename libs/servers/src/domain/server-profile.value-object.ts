import { omitUndefined, validateAll, ValueObject } from '@servertree/ddd';
import { Environment } from './environment.value-object';
import { Hardware } from './hardware.value-object';
import { OperatingSystem, OperatingSystemParts } from './operating-system.value-object';
import { ServerName } from './server-name.value-object';

/** Raw input for a server's own fields: the value objects decide whether it is acceptable. */
export interface ServerDetails {
  readonly name: unknown;
  readonly cpuCores?: unknown;
  readonly ramMb?: unknown;
  readonly diskGb?: unknown;
  readonly environment: unknown;
  readonly operatingSystem: unknown;
}

/** The profile as plain values: how storage holds it and how events compare it. */
export interface ServerProfileValues {
  readonly name: string;
  readonly cpuCores: number | null;
  readonly ramMb: number | null;
  readonly diskGb: number | null;
  readonly environment: string;
  readonly operatingSystem: OperatingSystemParts;
}

interface ServerProfileProps {
  readonly name: ServerName;
  readonly hardware: Hardware;
  readonly environment: Environment;
  readonly operatingSystem: OperatingSystem;
}

/** What a server is, as opposed to how it runs: the fields PATCH /servers/{id} changes. */
export class ServerProfile extends ValueObject<ServerProfileProps> {
  static create(details: ServerDetails): ServerProfile {
    return new ServerProfile(
      validateAll({
        name: () => ServerName.create(details.name),
        hardware: () => Hardware.create(details),
        environment: () => Environment.create(details.environment),
        operatingSystem: () => OperatingSystem.create(details.operatingSystem),
      }),
    );
  }

  /** This profile with the given fields replaced; null clears an optional one. */
  with(changes: Partial<ServerDetails>): ServerProfile {
    return ServerProfile.create({ ...this.toJSON(), ...omitUndefined(changes) });
  }

  toJSON(): ServerProfileValues {
    const { name, hardware, environment, operatingSystem } = this.props;
    return {
      name: name.value,
      ...hardware.toJSON(),
      environment: environment.value,
      operatingSystem: operatingSystem.toJSON(),
    };
  }
}
