import { InvalidInputError } from '@servertree/ddd';

const CONCEALED = '[password]';

/**
 * A credential's secret in the clear, 1–1024 characters, taken exactly as given (spaces are
 * part of a password). It exists only between a request and the vault, and between the vault
 * and a reveal: the aggregate keeps passwords sealed.
 *
 * Not a ValueObject on purpose: those keep their props in an ordinary property, which loggers,
 * debuggers and JSON.stringify would print. Here the plaintext sits in a private field, every
 * way of printing the object prints a placeholder, and no error message tells anything about
 * the value, not even its length.
 */
export class Password {
  static readonly MAX_LENGTH = 1024;
  readonly #plaintext: string;

  private constructor(plaintext: string) {
    this.#plaintext = plaintext;
    Object.freeze(this);
  }

  static create(value: unknown): Password {
    if (value === undefined || value === null) {
      throw InvalidInputError.single('password', 'password is required');
    }
    if (typeof value !== 'string') {
      throw InvalidInputError.single('password', 'password must be a string');
    }
    if (value.length < 1 || value.length > Password.MAX_LENGTH) {
      throw InvalidInputError.single(
        'password',
        `password must be 1–${Password.MAX_LENGTH} characters long`,
      );
    }
    return new Password(value);
  }

  /** The secret itself: for the vault to seal and for the audited reveal to answer. */
  plaintext(): string {
    return this.#plaintext;
  }

  equals(other: Password): boolean {
    return this.#plaintext === other.#plaintext;
  }

  toString(): string {
    return CONCEALED;
  }

  toJSON(): string {
    return CONCEALED;
  }
}
