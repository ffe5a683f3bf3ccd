/**
 * A value object is defined by its attributes: two with the same props are the same value.
 * Subclasses validate in a static factory and keep their constructor private, so an invalid
 * instance cannot exist.
 */
export abstract class ValueObject<TProps> {
  protected constructor(protected readonly props: TProps) {
    Object.freeze(this);
  }

  equals(other: ValueObject<TProps> | undefined): boolean {
    if (other === undefined || other.constructor !== this.constructor) return false;
    return JSON.stringify(this.props) === JSON.stringify(other.props);
  }
}
