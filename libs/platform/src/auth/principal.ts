import { Role } from './role';

/** Who is calling, as the verified token says. */
export interface Principal {
  readonly subject: string;
  readonly role: Role;
}
