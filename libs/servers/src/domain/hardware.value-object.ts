import { optional, requireInteger, validateAll, ValueObject } from '@servertree/ddd';

/** Sizes nobody knows yet are null rather than guessed. */
export interface HardwareSizes {
  readonly cpuCores: number | null;
  readonly ramMb: number | null;
  readonly diskGb: number | null;
}

/** What a server is built of. Each size is optional; a given one is a whole number in range. */
export class Hardware extends ValueObject<HardwareSizes> {
  static create(sizes: { cpuCores?: unknown; ramMb?: unknown; diskGb?: unknown }): Hardware {
    return new Hardware(
      validateAll({
        cpuCores: () => optional(sizes.cpuCores, (v) => requireInteger('cpuCores', v, 1, 4096)),
        ramMb: () => optional(sizes.ramMb, (v) => requireInteger('ramMb', v, 1, 67_108_864)),
        diskGb: () => optional(sizes.diskGb, (v) => requireInteger('diskGb', v, 1, 1_048_576)),
      }),
    );
  }

  toJSON(): HardwareSizes {
    return { ...this.props };
  }
}
