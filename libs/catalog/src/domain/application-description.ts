import type { ApplicationArchitecture } from './application-architecture.value-object';
import type { ApplicationName } from './application-name.value-object';
import type { ApplicationVersion } from './application-version.value-object';

/** What an application is: one build of a piece of software. */
export interface ApplicationDescription {
  readonly name: ApplicationName;
  readonly version: ApplicationVersion;
  readonly architecture: ApplicationArchitecture;
}

/** The description as plain values. */
export interface ApplicationValues {
  readonly name: string;
  readonly version: string;
  readonly architecture: string;
}
