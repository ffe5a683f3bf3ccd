import { DomainEvent } from '@servertree/ddd';
import type { Credential } from '../credentials/credential.entity';

export class CredentialAdded extends DomainEvent<{ readonly credential: Credential }> {}
