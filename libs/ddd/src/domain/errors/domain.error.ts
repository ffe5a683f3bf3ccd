/**
 * Base of every error the model raises on purpose. The HTTP layer maps each subclass to one
 * status code, so nothing below the controllers needs to know about HTTP.
 */
export abstract class DomainError extends Error {
  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
