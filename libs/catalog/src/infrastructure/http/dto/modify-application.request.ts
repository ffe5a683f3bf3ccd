import { PartialType } from '@nestjs/swagger';
import { RegisterApplicationRequest } from './register-application.request';

/** Any subset of the registration fields; absent ones keep their value. */
export class ModifyApplicationRequest extends PartialType(RegisterApplicationRequest) {}
