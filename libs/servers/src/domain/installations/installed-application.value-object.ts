import { Identifier, optional, requireText, validateAll, ValueObject } from '@servertree/ddd';
import { DirectoryPath } from './directory-path.value-object';

/** Raw input: the value objects decide whether it is acceptable. */
export interface InstallationDetails {
  readonly applicationId: unknown;
  readonly installDir: unknown;
  readonly logDir?: unknown;
}

/** An installation as plain values: how events and storage carry it. */
export interface InstallationValues {
  readonly applicationId: string;
  readonly installDir: string;
  readonly logDir: string | null;
}

interface InstalledApplicationProps {
  readonly applicationId: string;
  readonly installDir: DirectoryPath;
  readonly logDir: DirectoryPath | null;
}

/**
 * An application of the catalogue installed on a server, and where. A value: installing it
 * again elsewhere replaces it as a whole.
 */
export class InstalledApplication extends ValueObject<InstalledApplicationProps> {
  static create(details: InstallationDetails): InstalledApplication {
    return new InstalledApplication(
      validateAll({
        applicationId: () =>
          Identifier.parse(
            requireText('applicationId', details.applicationId, { min: 1, max: 36 }),
            'applicationId',
          ),
        installDir: () => DirectoryPath.create('installDir', details.installDir),
        logDir: () => optional(details.logDir, (dir) => DirectoryPath.create('logDir', dir)),
      }),
    );
  }

  get applicationId(): string {
    return this.props.applicationId;
  }

  toJSON(): InstallationValues {
    return {
      applicationId: this.props.applicationId,
      installDir: this.props.installDir.value,
      logDir: this.props.logDir?.value ?? null,
    };
  }
}
