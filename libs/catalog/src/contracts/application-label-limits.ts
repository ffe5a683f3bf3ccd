import { ApplicationArchitecture } from '../domain/application-architecture.value-object';
import { ApplicationName } from '../domain/application-name.value-object';
import { ApplicationVersion } from '../domain/application-version.value-object';

/** Longest name, version and architecture, for other modules that show an application's label. */
export const APPLICATION_LABEL_MAX_LENGTHS = {
  name: ApplicationName.MAX_LENGTH,
  version: ApplicationVersion.MAX_LENGTH,
  architecture: ApplicationArchitecture.MAX_LENGTH,
} as const;
