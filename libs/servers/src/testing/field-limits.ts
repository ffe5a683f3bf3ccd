/**
 * The value objects' limits, for tests that check every copy of them (OpenAPI, AsyncAPI,
 * column lengths) against the one source.
 */
export { Password } from '../domain/credentials/password';
export { Username } from '../domain/credentials/username.value-object';
export { HARDWARE_LIMITS } from '../domain/hardware.value-object';
export { DirectoryPath } from '../domain/installations/directory-path.value-object';
export { Port } from '../domain/network/port.value-object';
export { OperatingSystem } from '../domain/operating-system.value-object';
export { ServerName } from '../domain/server-name.value-object';
export { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../domain/slug';
