import { NotFoundError } from '@servertree/ddd';
import {
  ApplicationCatalogue,
  ApplicationLabel,
} from '../domain/installations/application-catalogue';
import { DiscardedApplicationError } from '../domain/installations/discarded-application.error';

export const NGINX_ID = '0196a0b4-0000-7000-8000-00000000000a';
export const POSTGRES_ID = '0196a0b4-0000-7000-8000-00000000000b';
export const DISCARDED_ID = '0196a0b4-0000-7000-8000-00000000000d';
export const UNKNOWN_ID = '0196a0b4-0000-7000-8000-0000000000ff';

const LABELS: Readonly<Record<string, ApplicationLabel>> = {
  [NGINX_ID]: { name: 'nginx', version: '1.27.3', architecture: 'x86_64' },
  [POSTGRES_ID]: { name: 'postgresql', version: '16.4', architecture: 'x86_64' },
};

/** A catalogue for domain tests: two installable applications, one discarded, nothing else. */
export const fixedApplicationCatalogue: ApplicationCatalogue = {
  installable(applicationId: string): ApplicationLabel {
    if (applicationId === DISCARDED_ID) throw new DiscardedApplicationError(applicationId);
    const label = LABELS[applicationId];
    if (!label) throw NotFoundError.aggregate('Application', applicationId);
    return label;
  },
};
