import { optional, requireInteger, validateAll, ValueObject } from '@servertree/ddd';

/** Sizes nobody knows yet are null rather than guessed. */
export interface HardwareSizes {
  readonly cpuCores: number | null;
  readonly ramMb: number | null;
  readonly diskGb: number | null;
}

/** The range of each size: the API, the event schemas and the columns take it from here. */
export const HARDWARE_LIMITS = {
  cpuCores: { min: 1, max: 4096 },
  ramMb: { min: 1, max: 67_108_864 },
  diskGb: { min: 1, max: 1_048_576 },
} as const satisfies Record<keyof HardwareSizes, { min: number; max: number }>;

const size = (field: keyof HardwareSizes, value: unknown) =>
  optional(value, (v) =>
    requireInteger(field, v, HARDWARE_LIMITS[field].min, HARDWARE_LIMITS[field].max),
  );

/** What a server is built of. Each size is optional; a given one is a whole number in range. */
export class Hardware extends ValueObject<HardwareSizes> {
  static create(sizes: { cpuCores?: unknown; ramMb?: unknown; diskGb?: unknown }): Hardware {
    return new Hardware(
      validateAll({
        cpuCores: () => size('cpuCores', sizes.cpuCores),
        ramMb: () => size('ramMb', sizes.ramMb),
        diskGb: () => size('diskGb', sizes.diskGb),
      }),
    );
  }

  toJSON(): HardwareSizes {
    return { ...this.props };
  }
}
