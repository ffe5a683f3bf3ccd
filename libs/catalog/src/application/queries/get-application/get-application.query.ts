import { Query } from '@nestjs/cqrs';
import { ApplicationView } from '../application.view';

export class GetApplicationQuery extends Query<ApplicationView> {
  constructor(readonly applicationId: string) {
    super();
  }
}
