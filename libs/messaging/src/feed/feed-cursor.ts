import { InvalidInputError } from '@servertree/ddd';

/** Bumped if the position ever means something else; old cursors then fail loudly. */
const VERSION = 'f1';
const FORMAT = /^f1:(0|[1-9][0-9]{0,15})$/;

/**
 * Where a change-feed reader stands, as an opaque token: base64url of a version and the last
 * feed position it was given. Positions are stored, so a cursor means the same on every
 * instance and after restarts; clients must not build them (the encoding may change).
 */
export class FeedCursor {
  static readonly START = new FeedCursor(0);

  private constructor(readonly position: number) {}

  static after(position: number): FeedCursor {
    return new FeedCursor(position);
  }

  /** @throws InvalidInputError naming `field` when the token is not one this service made. */
  static parse(token: string, field = 'after'): FeedCursor {
    const match = FORMAT.exec(Buffer.from(token, 'base64url').toString('latin1'));
    const position = match ? Number(match[1]) : NaN;
    if (!/^[A-Za-z0-9_-]+$/.test(token) || !Number.isSafeInteger(position)) {
      throw InvalidInputError.single(field, `${field} is not a cursor this feed gave out`);
    }
    return new FeedCursor(position);
  }

  toString(): string {
    return Buffer.from(`${VERSION}:${this.position}`, 'latin1').toString('base64url');
  }
}
