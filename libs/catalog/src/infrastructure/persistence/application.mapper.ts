import { Application } from '../../domain/application.aggregate';
import { ApplicationRecord } from './application.record';

/** Translates between the aggregate, its row and its read model. */
export const ApplicationMapper = {
  toRecord(application: Application): ApplicationRecord {
    return {
      id: application.id,
      name: application.name.value,
      version: application.version.value,
      architecture: application.architecture.value,
      revision: application.revision,
      createdAt: application.createdAt,
      updatedAt: application.updatedAt,
      discarded: application.discarded,
    };
  },

  toDomain(record: ApplicationRecord): Application {
    return Application.reconstitute(record.id, record, {
      revision: record.revision,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      discarded: Boolean(record.discarded),
    });
  },
};
