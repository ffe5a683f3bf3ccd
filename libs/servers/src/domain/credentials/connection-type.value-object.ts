import { TextValue } from '@servertree/ddd';
import { requireSlug } from '../slug';

/** How a credential is used: `ssh`, `rdp`, `winrm`, or whatever else an operator names. */
export class ConnectionType extends TextValue {
  static create(value: unknown): ConnectionType {
    return new ConnectionType(requireSlug('connectionType', value));
  }
}
