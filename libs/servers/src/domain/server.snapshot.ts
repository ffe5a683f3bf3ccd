import { CredentialSnapshot } from './credentials/credential.snapshot';
import { OperatingSystemParts } from './operating-system.value-object';
import { ServerStatusName } from './server-status.value-object';
import { ApplicationLabel } from './installations/application-catalogue';
import { InstallationValues } from './installations/installed-application.value-object';

/** An installed application as a server shows it: where it is, and what the catalogue calls it. */
export interface InstalledApplicationSnapshot extends InstallationValues, ApplicationLabel {}

/** The server as the API shows it; also the payload of `server.server.registered`. */
export interface ServerSnapshot {
  readonly id: string;
  readonly name: string;
  readonly cpuCores: number | null;
  readonly ramMb: number | null;
  readonly diskGb: number | null;
  readonly environment: string;
  readonly operatingSystem: OperatingSystemParts;
  /** Sorted. */
  readonly tags: readonly string[];
  readonly status: ServerStatusName;
  /** Oldest first. */
  readonly credentials: readonly CredentialSnapshot[];
  /** In application id order, which is the order they were registered in the catalogue. */
  readonly applications: readonly InstalledApplicationSnapshot[];
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly discarded: boolean;
}
