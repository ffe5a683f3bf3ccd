import { Injectable } from '@nestjs/common';
import { ApplicationDirectory } from '@servertree/catalog';
import { Identifier, NotFoundError } from '@servertree/ddd';
import {
  ApplicationCatalogue,
  ApplicationLabel,
} from '../domain/installations/application-catalogue';
import { DiscardedApplicationError } from '../domain/installations/discarded-application.error';

/** The catalogue as a command loaded it, with the labels it found, for the command's answer. */
export interface LoadedCatalogue extends ApplicationCatalogue {
  /** Of the applications found, discarded ones included, by id. */
  readonly labels: ReadonlyMap<string, ApplicationLabel>;
}

/**
 * Gives a command the catalogue as far as it needs it: the applications it names, looked up
 * in one query inside the command's transaction, and so locked against a concurrent discard
 * until it commits (see ApplicationDirectory).
 */
@Injectable()
export class ApplicationCatalogueLoader {
  constructor(private readonly directory: ApplicationDirectory) {}

  /**
   * @param applicationIds as the client sent them; the domain refuses malformed ones, so only
   * UUIDs reach the query (a non-ASCII string would make MariaDB fail on the ASCII id column).
   */
  async load(applicationIds: readonly unknown[]): Promise<LoadedCatalogue> {
    const ids = applicationIds.filter(Identifier.isValid).map((id) => id.toLowerCase());
    const found = await this.directory.findByIds([...new Set(ids)]);
    const byId = new Map(found.map((application) => [application.id, application]));
    const labels = new Map(
      found.map(({ id, name, version, architecture }) => [id, { name, version, architecture }]),
    );
    return {
      labels,
      installable(applicationId) {
        const application = byId.get(applicationId);
        if (!application) throw NotFoundError.aggregate('Application', applicationId);
        if (application.discarded) throw new DiscardedApplicationError(applicationId);
        return labels.get(applicationId)!;
      },
    };
  }
}
