import { requireInteger, ValueObject } from '@servertree/ddd';

/** A TCP/UDP port, 1–65535 (0 means "any port" to the OS, never a place to connect to). */
export class Port extends ValueObject<{ value: number }> {
  static readonly MAX = 65_535;

  /** @param field the input field it was given as: `localPort` or `publicPort`. */
  static create(field: string, value: unknown): Port {
    return new Port({ value: requireInteger(field, value, 1, Port.MAX) });
  }

  get value(): number {
    return this.props.value;
  }

  toJSON(): number {
    return this.props.value;
  }
}
