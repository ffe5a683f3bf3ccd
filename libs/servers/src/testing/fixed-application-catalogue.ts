import { ApplicationDirectory, ApplicationSummary } from '@servertree/catalog';
import { NotFoundError } from '@servertree/ddd';
import { ApplicationCatalogue } from '../domain/installations/application-catalogue';
import { DiscardedApplicationError } from '../domain/installations/discarded-application.error';

export const NGINX_ID = '0196a0b4-0000-7000-8000-00000000000a';
export const POSTGRES_ID = '0196a0b4-0000-7000-8000-00000000000b';
export const DISCARDED_ID = '0196a0b4-0000-7000-8000-00000000000d';
export const UNKNOWN_ID = '0196a0b4-0000-7000-8000-0000000000ff';

/** Two installable applications, one discarded, nothing else. */
const APPLICATIONS: readonly ApplicationSummary[] = [
  { id: NGINX_ID, name: 'nginx', version: '1.27.3', architecture: 'x86_64', discarded: false },
  {
    id: POSTGRES_ID,
    name: 'postgresql',
    version: '16.4',
    architecture: 'x86_64',
    discarded: false,
  },
  { id: DISCARDED_ID, name: 'memcached', version: '1.6', architecture: 'x86_64', discarded: true },
];

/** The catalogue as the domain sees it, for domain tests. */
export const fixedApplicationCatalogue: ApplicationCatalogue = {
  installable(applicationId: string) {
    const application = APPLICATIONS.find(({ id }) => id === applicationId);
    if (!application) throw NotFoundError.aggregate('Application', applicationId);
    if (application.discarded) throw new DiscardedApplicationError(applicationId);
    const { name, version, architecture } = application;
    return { name, version, architecture };
  },
};

/** The same applications as the catalogue module answers them, for handler specs. */
export const fixedApplicationDirectory: ApplicationDirectory = {
  async findByIds(ids) {
    return APPLICATIONS.filter(({ id }) => ids.includes(id));
  },
};
