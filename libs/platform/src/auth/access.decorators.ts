import { SetMetadata } from '@nestjs/common';
import { Role } from './role';

export const REQUIRED_ROLE = 'servertree:required-role';
export const PUBLIC_ROUTE = 'servertree:public-route';

/**
 * Overrides the role a route needs. Without it, reads (GET, HEAD) need `reader` and every
 * other method `editor`, so a new endpoint is protected by default.
 */
export const RequiresRole = (role: Role): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLE, role);

/** No token needed (health probes). */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
