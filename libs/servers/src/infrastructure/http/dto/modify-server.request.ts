import { OmitType, PartialType } from '@nestjs/swagger';
import { RegisterServerRequest } from './register-server.request';

/**
 * Any subset of the server's own fields; absent ones keep their value, null clears an optional
 * one. Credentials and applications change through their own endpoints.
 */
export class ModifyServerRequest extends PartialType(
  OmitType(RegisterServerRequest, ['credentials', 'applications'] as const),
) {}
