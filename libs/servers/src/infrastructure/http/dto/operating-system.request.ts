import { TextProperty } from '@servertree/platform';
import { OperatingSystem } from '../../../domain/operating-system.value-object';

/** Shape only; the OperatingSystem value object judges the values. */
export class OperatingSystemRequest {
  @TextProperty('Ubuntu', OperatingSystem.PART_MAX_LENGTH)
  name!: string;

  @TextProperty('24.04', OperatingSystem.PART_MAX_LENGTH)
  version!: string;

  @TextProperty('x86_64', OperatingSystem.PART_MAX_LENGTH)
  architecture!: string;
}
