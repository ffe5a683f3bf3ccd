import { requireText, TextValue } from '@servertree/ddd';

/** Free-form (1.2.3, 2024-LTS, 11 SP2), so only its length is ruled: 1–64 after trimming. */
export class ApplicationVersion extends TextValue {
  static readonly MAX_LENGTH = 64;

  static create(value: unknown): ApplicationVersion {
    return new ApplicationVersion(
      requireText('version', value, { min: 1, max: ApplicationVersion.MAX_LENGTH, trim: true }),
    );
  }
}
