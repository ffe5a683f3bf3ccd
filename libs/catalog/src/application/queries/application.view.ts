import { ApplicationSnapshot } from '../../domain/application.snapshot';

/** The read model of an application: exactly what the API shows. */
export type ApplicationView = ApplicationSnapshot;
