import { requireText, TextValue } from '@servertree/ddd';

/** The CPU architecture a build targets (x86_64, arm64, noarch): 1–32 after trimming. */
export class ApplicationArchitecture extends TextValue {
  static readonly MAX_LENGTH = 32;

  static create(value: unknown): ApplicationArchitecture {
    return new ApplicationArchitecture(
      requireText('architecture', value, {
        min: 1,
        max: ApplicationArchitecture.MAX_LENGTH,
        trim: true,
      }),
    );
  }
}
