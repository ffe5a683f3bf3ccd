import { TextValue } from '@servertree/ddd';
import { requireSlug } from './slug';

/** Where a server belongs in the delivery pipeline: `production`, `staging`, `dev-eu`. */
export class Environment extends TextValue {
  static create(value: unknown): Environment {
    return new Environment(requireSlug('environment', value));
  }
}
