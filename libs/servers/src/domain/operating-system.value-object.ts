import { InvalidInputError, requireText, validateAll, ValueObject } from '@servertree/ddd';

export interface OperatingSystemParts {
  readonly name: string;
  readonly version: string;
  readonly architecture: string;
}

const PART = { min: 1, max: 64, trim: true };

/** `{ name, version, architecture }`, e.g. Ubuntu 24.04 x86_64; it changes only as a whole. */
export class OperatingSystem extends ValueObject<OperatingSystemParts> {
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
