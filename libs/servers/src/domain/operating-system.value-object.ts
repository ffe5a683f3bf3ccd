import { InvalidInputError, requireText, validateAll, ValueObject } from '@servertree/ddd';

export interface OperatingSystemParts {
  readonly name: string;
  readonly version: string;
  readonly architecture: string;
}

/** `{ name, version, architecture }`, e.g. Ubuntu 24.04 x86_64; it changes only as a whole. */
export class OperatingSystem extends ValueObject<OperatingSystemParts> {
  /** Of each part: name, version and architecture. */
  static readonly PART_MAX_LENGTH = 64;

  static create(value: unknown): OperatingSystem {
    if (value === undefined || value === null) {
      throw InvalidInputError.single('operatingSystem', 'operatingSystem is required');
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw InvalidInputError.single(
        'operatingSystem',
        'operatingSystem must be an object with name, version and architecture',
      );
    }
    const PART = { min: 1, max: OperatingSystem.PART_MAX_LENGTH, trim: true };
    const parts = value as Partial<Record<keyof OperatingSystemParts, unknown>>;
    return new OperatingSystem(
      validateAll({
        name: () => requireText('operatingSystem.name', parts.name, PART),
        version: () => requireText('operatingSystem.version', parts.version, PART),
        architecture: () => requireText('operatingSystem.architecture', parts.architecture, PART),
      }),
    );
  }

  toJSON(): OperatingSystemParts {
    return { ...this.props };
  }
}
