import { Identifier, omitUndefined, optional, validateAll } from '@servertree/ddd';
import { IpAddress } from '../network/ip-address.value-object';
import { Port } from '../network/port.value-object';
import { ConnectionType } from './connection-type.value-object';
import { Password } from './password';
import { PasswordVault } from './password-vault.port';
import { SealedPassword } from './sealed-password.value-object';
import { Username } from './username.value-object';

/** Raw input: the value objects decide whether it is acceptable. */
export interface CredentialDetails {
  readonly connectionType: unknown;
  readonly username: unknown;
  readonly password: unknown;
  readonly localIp: unknown;
  readonly localPort: unknown;
  readonly publicIp?: unknown;
  readonly publicPort?: unknown;
}

/** A credential as plain values, everything but its password. */
export interface CredentialValues {
  readonly id: string;
  readonly connectionType: string;
  readonly username: string;
  readonly localIp: string;
  readonly localPort: number;
  readonly publicIp: string | null;
  readonly publicPort: number | null;
}

/** A credential as storage holds it, its password sealed. */
export interface StoredCredential extends CredentialValues {
  readonly password: SealedPassword;
}

/** Everything about a credential but its secret. */
interface Access {
  readonly connectionType: ConnectionType;
  readonly username: Username;
  readonly localIp: IpAddress;
  readonly localPort: Port;
  readonly publicIp: IpAddress | null;
  readonly publicPort: Port | null;
}

/** A credential as a revision would leave it, and whether the revision replaced its password. */
export interface CredentialRevision {
  readonly credential: Credential;
  readonly passwordReplaced: boolean;
}

/**
 * How to log in to a server: an entity inside the Server aggregate, reached only through it.
 * Immutable: a change yields a revised credential, which the server checks against its other
 * credentials before it takes it.
 */
export class Credential {
  private constructor(
    readonly id: string,
    private readonly access: Access,
    readonly password: SealedPassword,
  ) {}

  static create(details: CredentialDetails, vault: PasswordVault): Credential {
    const { access, password } = validateAll({
      access: () => Credential.validateAccess(details),
      password: () => Password.create(details.password),
    });
    return new Credential(Identifier.generate(), access, vault.seal(password));
  }

  /** Rebuilds a stored credential; storage holds only what once passed validation. */
  static reconstitute(stored: StoredCredential): Credential {
    return new Credential(stored.id, Credential.validateAccess(stored), stored.password);
  }

  get connectionType(): ConnectionType {
    return this.access.connectionType;
  }

  get username(): Username {
    return this.access.username;
  }

  /**
   * This credential with the given fields changed (fields left out keep their value, null
   * clears an optional one). `this` stays as it is.
   */
  revise(changes: Partial<CredentialDetails>, vault: PasswordVault): CredentialRevision {
    const next = validateAll({
      access: () => Credential.validateAccess({ ...this.toJSON(), ...omitUndefined(changes) }),
      // A password can be replaced, never removed: null is refused like any bad password.
      password: () =>
        changes.password === undefined ? undefined : Password.create(changes.password),
    });
    // A password is compared with the stored one, so sending it again changes nothing.
    const passwordReplaced =
      next.password !== undefined && !vault.reveal(this.password).equals(next.password);
    const password = passwordReplaced ? vault.seal(next.password!) : this.password;
    return { credential: new Credential(this.id, next.access, password), passwordReplaced };
  }

  /** The same credential in every field, its sealed password included. */
  equals(other: Credential): boolean {
    return (
      this.id === other.id &&
      JSON.stringify(this.toJSON()) === JSON.stringify(other.toJSON()) &&
      this.password.equals(other.password)
    );
  }

  /** The same account (connection type and username) as `other`, whatever else differs. */
  sharesAccountWith(other: Credential): boolean {
    return (
      this.access.connectionType.equals(other.access.connectionType) &&
      this.access.username.equals(other.access.username)
    );
  }

  reveal(vault: PasswordVault): Password {
    return vault.reveal(this.password);
  }

  toJSON(): CredentialValues {
    const { connectionType, username, localIp, localPort, publicIp, publicPort } = this.access;
    return {
      id: this.id,
      connectionType: connectionType.value,
      username: username.value,
      localIp: localIp.value,
      localPort: localPort.value,
      publicIp: publicIp?.value ?? null,
      publicPort: publicPort?.value ?? null,
    };
  }

  private static validateAccess(details: Omit<CredentialDetails, 'password'>): Access {
    return validateAll({
      connectionType: () => ConnectionType.create(details.connectionType),
      username: () => Username.create(details.username),
      localIp: () => IpAddress.create('localIp', details.localIp),
      localPort: () => Port.create('localPort', details.localPort),
      publicIp: () => optional(details.publicIp, (ip) => IpAddress.create('publicIp', ip)),
      publicPort: () => optional(details.publicPort, (port) => Port.create('publicPort', port)),
    });
  }
}
