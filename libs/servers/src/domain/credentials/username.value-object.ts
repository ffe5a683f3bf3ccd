import { requireText, TextValue } from '@servertree/ddd';

/**
 * The account a credential logs in as: 1–128 characters after trimming (a stray space would
 * otherwise make " root" a second account beside "root"). Case is kept and compared as given:
 * on most systems `Admin` and `admin` are different accounts.
 */
export class Username extends TextValue {
  static readonly MAX_LENGTH = 128;

  static create(value: unknown): Username {
    return new Username(
      requireText('username', value, { min: 1, max: Username.MAX_LENGTH, trim: true }),
    );
  }
}
