import type { InstalledApplication } from './installed-application.value-object';

/** How the catalogue names an application; servers show it beside their own install data. */
export interface ApplicationLabel {
  readonly name: string;
  readonly version: string;
  readonly architecture: string;
}

/**
 * What a server needs to know of the applications catalogue, another aggregate: whether an
 * application may be installed, and what it is called. The application layer looks the
 * applications up before the command runs, so asking is synchronous here.
 */
export interface ApplicationCatalogue {
  /**
   * The label of an application that may be installed.
   * @throws NotFoundError for an unknown application
   * @throws DiscardedApplicationError for a discarded one
   */
  installable(applicationId: string): ApplicationLabel;
}

/** An installation together with the catalogue's label, as a registration records it. */
export interface LabelledInstallation {
  readonly installation: InstalledApplication;
  readonly label: ApplicationLabel;
}
