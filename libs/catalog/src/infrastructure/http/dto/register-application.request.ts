import { TextProperty } from '@servertree/platform';
import { ApplicationArchitecture } from '../../../domain/application-architecture.value-object';
import { ApplicationName } from '../../../domain/application-name.value-object';
import { ApplicationVersion } from '../../../domain/application-version.value-object';

/**
 * Shape only: TextProperty admits each property (the pipe rejects unknown ones); the value
 * objects judge the values (see Application.register).
 */
export class RegisterApplicationRequest {
  @TextProperty('nginx', ApplicationName.MAX_LENGTH)
  name!: string;

  @TextProperty('1.27.3', ApplicationVersion.MAX_LENGTH)
  version!: string;

  @TextProperty('x86_64', ApplicationArchitecture.MAX_LENGTH)
  architecture!: string;
}
