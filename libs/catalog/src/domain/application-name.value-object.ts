import { requireText, TextValue } from '@servertree/ddd';

/** 1–255 characters after trimming; compared case-insensitively for uniqueness. */
export class ApplicationName extends TextValue {
  static readonly MAX_LENGTH = 255;

  static create(value: unknown): ApplicationName {
    return new ApplicationName(
      requireText('name', value, { min: 1, max: ApplicationName.MAX_LENGTH, trim: true }),
    );
  }
}
