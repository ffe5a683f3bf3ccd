import { InMemoryAggregateStore } from '@servertree/ddd/testing';
import { ApplicationAlreadyRegisteredError } from '../domain/application-already-registered.error';
import { Application } from '../domain/application.aggregate';
import { ApplicationRepository } from '../domain/application.repository.port';
import { ApplicationMapper } from '../infrastructure/persistence/application.mapper';

/**
 * The catalogue's repository for handler specs: applications kept as their rows would be,
 * (name, version, architecture) unique among live ones with the name case-folded, as the
 * database enforces it.
 */
export class InMemoryApplicationRepository
  extends InMemoryAggregateStore<Application>
  implements ApplicationRepository
{
  constructor() {
    super({
      aggregateType: 'Application',
      copy: (application) => ApplicationMapper.toDomain(ApplicationMapper.toRecord(application)),
      uniqueKey: ({ name, version, architecture }) =>
        JSON.stringify([name.value.toLowerCase(), version.value, architecture.value]),
      duplicate: ({ name, version, architecture }) =>
        new ApplicationAlreadyRegisteredError(name.value, version.value, architecture.value),
    });
  }
}
