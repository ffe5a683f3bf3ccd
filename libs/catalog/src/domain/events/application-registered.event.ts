import { DomainEvent } from '@servertree/ddd';
import type { ApplicationDescription } from '../application-description';

/** A new entry of the catalogue; the event's revision and time are its own. */
export class ApplicationRegistered extends DomainEvent<ApplicationDescription> {}
