import { Identifier } from '@servertree/ddd';
import { Application, ApplicationDetails } from '../domain/application.aggregate';

export const APPLICATION_ID = '0196a0b4-3c1e-7d2f-9a8b-5c4d3e2f1a0b';

/** Object mother: a valid application unless a test says otherwise. */
export const ApplicationMother = {
  details(overrides: Partial<ApplicationDetails> = {}): ApplicationDetails {
    return { name: 'nginx', version: '1.27.3', architecture: 'x86_64', ...overrides };
  },

  /** A registered application whose registration event has been taken already. */
  registered(
    overrides: Partial<ApplicationDetails> = {},
    at = new Date('2026-01-01T00:00:00Z'),
    id = APPLICATION_ID,
  ): Application {
    const application = Application.register(id, ApplicationMother.details(overrides), at);
    application.pullEvents();
    return application;
  },

  /** Another registered application, with an id of its own. */
  another(overrides: Partial<ApplicationDetails> = {}): Application {
    return ApplicationMother.registered(overrides, undefined, Identifier.generate());
  },
};
