import {
  AggregateLifecycle,
  AggregateRoot,
  NotFoundError,
  unregistered,
  validateAll,
  validateEach,
} from '@servertree/ddd';
import { Credential, CredentialDetails, StoredCredential } from './credentials/credential.entity';
import { DuplicateCredentialError } from './credentials/duplicate-credential.error';
import { Password } from './credentials/password';
import { PasswordVault } from './credentials/password-vault.port';
import { ApplicationInstalled } from './events/application-installed.event';
import { ApplicationUninstalled } from './events/application-uninstalled.event';
import { CredentialAdded } from './events/credential-added.event';
import { CredentialModified } from './events/credential-modified.event';
import { CredentialRemoved } from './events/credential-removed.event';
import { CredentialRevealed } from './events/credential-revealed.event';
import { ServerDiscarded } from './events/server-discarded.event';
import { ServerModified } from './events/server-modified.event';
import { ServerRegistered } from './events/server-registered.event';
import { ServerStatusChanged } from './events/server-status-changed.event';
import { ApplicationCatalogue } from './installations/application-catalogue';
import { ApplicationListedTwiceError } from './installations/application-listed-twice.error';
import {
  InstallationDetails,
  InstallationValues,
  InstalledApplication,
} from './installations/installed-application.value-object';
import { UninstallReason } from './installations/uninstall-reason';
import { ServerDetails, ServerProfile, ServerProfileValues } from './server-profile.value-object';
import { ServerStatus } from './server-status.value-object';

/** A registration may bring credentials and applications along; all of it is taken or none. */
export interface ServerRegistration extends ServerDetails {
  readonly credentials?: readonly CredentialDetails[];
  readonly applications?: readonly InstallationDetails[];
}

/** What registering needs besides the input. */
export interface RegistrationServices {
  readonly vault: PasswordVault;
  readonly catalogue: ApplicationCatalogue;
}

/** A server as storage holds it. */
export interface StoredServer {
  readonly profile: ServerProfileValues;
  readonly status: string;
  readonly credentials: readonly StoredCredential[];
  readonly applications: readonly InstallationValues[];
}

/** What installing did, for callers that answer a new installation unlike a move or a repeat. */
export type InstallOutcome = 'installed' | 'moved' | 'unchanged';

/**
 * A server of the inventory, with the credentials to reach it and the applications installed
 * on it. Credentials and installations are changed only through the server, which is what
 * keeps them unique and every change of them in the server's one event stream.
 */
export class Server extends AggregateRoot {
  protected readonly aggregateType = 'Server';
  /** In the order they were added (ids are time-ordered, so also id order). */
  private readonly credentialsById = new Map<string, Credential>();
  private readonly installationsByApplication = new Map<string, InstalledApplication>();

  private constructor(
    id: string,
    private currentProfile: ServerProfile,
    private currentStatus: ServerStatus,
    lifecycle: AggregateLifecycle,
  ) {
    super(id, lifecycle);
  }

  static register(
    id: string,
    registration: ServerRegistration,
    { vault, catalogue }: RegistrationServices,
    at: Date,
  ): Server {
    const { profile, credentials, installations } = validateAll({
      profile: () => ServerProfile.create(registration),
      credentials: () =>
        validateEach('credentials', registration.credentials ?? [], (details) =>
          Credential.create(details, vault),
        ),
      installations: () =>
        validateEach('applications', registration.applications ?? [], InstalledApplication.create),
    });
    const server = new Server(id, profile, ServerStatus.initial, unregistered(at));
    credentials.forEach((credential) => server.admit(credential));
    for (const installation of installations) {
      if (server.installationsByApplication.has(installation.applicationId)) {
        throw new ApplicationListedTwiceError(installation.applicationId);
      }
      server.installationsByApplication.set(installation.applicationId, installation);
    }
    const applications = server.installedApplications.map((installation) => ({
      installation,
      label: catalogue.installable(installation.applicationId),
    }));
    server.recordChange(
      ServerRegistered,
      { profile, status: server.status, credentials: server.credentials, applications },
      at,
    );
    return server;
  }

  /** Rebuilds a stored server; storage holds only what once passed validation. */
  static reconstitute(id: string, stored: StoredServer, lifecycle: AggregateLifecycle): Server {
    const server = new Server(
      id,
      ServerProfile.create(stored.profile),
      ServerStatus.create(stored.status),
      lifecycle,
    );
    for (const credential of stored.credentials) {
      server.credentialsById.set(credential.id, Credential.reconstitute(credential));
    }
    for (const installation of stored.applications) {
      server.installationsByApplication.set(
        installation.applicationId,
        InstalledApplication.create(installation),
      );
    }
    return server;
  }

  get profile(): ServerProfile {
    return this.currentProfile;
  }

  get status(): ServerStatus {
    return this.currentStatus;
  }

  get credentials(): readonly Credential[] {
    return [...this.credentialsById.values()];
  }

  /** In application id order, so every reader lists them alike. */
  get installedApplications(): readonly InstalledApplication[] {
    return [...this.installationsByApplication.values()].sort((a, b) =>
      a.applicationId.localeCompare(b.applicationId),
    );
  }

  /** Changes the given fields; fields left out keep their value, null clears an optional one. */
  modify(changes: Partial<ServerDetails>, at: Date): void {
    this.assertNotDiscarded();
    const before = this.currentProfile;
    const after = before.with(changes);
    if (after.equals(before)) return;
    this.currentProfile = after;
    this.recordChange(ServerModified, { before, after }, at);
  }

  changeStatus(status: unknown, at: Date): void {
    this.assertNotDiscarded();
    const next = ServerStatus.create(status);
    if (next.equals(this.currentStatus)) return;
    const from = this.currentStatus;
    this.currentStatus = next;
    this.recordChange(ServerStatusChanged, { from, to: next }, at);
  }

  /** Soft delete: the server stays readable, its name is free again, it accepts no commands. */
  discard(at: Date): void {
    this.assertNotDiscarded();
    this.markDiscarded();
    this.recordChange(ServerDiscarded, {}, at);
  }

  /** @returns the id of the new credential */
  addCredential(details: CredentialDetails, vault: PasswordVault, at: Date): string {
    this.assertNotDiscarded();
    const credential = Credential.create(details, vault);
    this.admit(credential);
    this.recordChange(CredentialAdded, { credential }, at);
    return credential.id;
  }

  modifyCredential(
    credentialId: string,
    changes: Partial<CredentialDetails>,
    vault: PasswordVault,
    at: Date,
  ): void {
    this.assertNotDiscarded();
    const before = this.credential(credentialId);
    const { credential: after, passwordReplaced } = before.revise(changes, vault);
    if (after.equals(before)) return;
    this.admit(after);
    this.recordChange(CredentialModified, { before, after, passwordReplaced }, at);
  }

  removeCredential(credentialId: string, at: Date): void {
    this.assertNotDiscarded();
    const credential = this.credential(credentialId);
    this.credentialsById.delete(credential.id);
    this.recordChange(CredentialRemoved, { credentialId }, at);
  }

  /** Every reveal is recorded: the event stream is the audit trail of who read which password. */
  revealCredential(credentialId: string, vault: PasswordVault, at: Date): Password {
    this.assertNotDiscarded();
    const password = this.credential(credentialId).reveal(vault);
    this.recordChange(CredentialRevealed, { credentialId }, at);
    return password;
  }

  /** Installs an application, or moves it to other directories if it is installed already. */
  installApplication(
    details: InstallationDetails,
    catalogue: ApplicationCatalogue,
    at: Date,
  ): InstallOutcome {
    this.assertNotDiscarded();
    const installation = InstalledApplication.create(details);
    // Refuses an unknown or discarded application; moving one is installing it again.
    catalogue.installable(installation.applicationId);
    const current = this.installationsByApplication.get(installation.applicationId);
    if (installation.equals(current)) return 'unchanged';
    this.installationsByApplication.set(installation.applicationId, installation);
    this.recordChange(ApplicationInstalled, { installation }, at);
    return current ? 'moved' : 'installed';
  }

  uninstallApplication(applicationId: string, reason: UninstallReason, at: Date): void {
    this.assertNotDiscarded();
    if (!this.installationsByApplication.has(applicationId)) {
      // Following a discarded application is idempotent: the reaction may come twice, or
      // after someone uninstalled it by hand. A request to uninstall, though, names a mistake.
      if (reason === 'application_discarded') return;
      throw new NotFoundError(`application ${applicationId} is not installed on server ${this.id}`);
    }
    this.installationsByApplication.delete(applicationId);
    this.recordChange(ApplicationUninstalled, { applicationId, reason }, at);
  }

  /** Adds or replaces a credential, keeping (connection type, username) unique. */
  private admit(credential: Credential): void {
    const clash = this.credentials.find(
      (other) => other.id !== credential.id && other.sharesAccountWith(credential),
    );
    if (clash) {
      throw new DuplicateCredentialError(
        credential.connectionType.value,
        credential.username.value,
      );
    }
    this.credentialsById.set(credential.id, credential);
  }

  private credential(credentialId: string): Credential {
    const credential = this.credentialsById.get(credentialId);
    if (!credential) {
      throw new NotFoundError(`credential ${credentialId} does not exist on server ${this.id}`);
    }
    return credential;
  }
}
