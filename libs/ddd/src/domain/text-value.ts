import { ValueObject } from './value-object';

/** A value object that is one validated string; subclasses own the rule. */
export abstract class TextValue extends ValueObject<{ value: string }> {
  protected constructor(value: string) {
    super({ value });
  }

  get value(): string {
    return this.props.value;
  }

  toJSON(): string {
    return this.props.value;
  }

  override toString(): string {
    return this.props.value;
  }
}
