import { PartialType } from '@nestjs/swagger';
import { AddCredentialRequest } from './add-credential.request';

/** Any subset of the fields; a password given replaces the stored one, null clears the optional. */
export class ModifyCredentialRequest extends PartialType(AddCredentialRequest) {}
