import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@servertree/messaging';
import { isUniqueViolation, UnitOfWork, updateWithRevisionCheck } from '@servertree/platform';
import { ApplicationAlreadyRegisteredError } from '../../domain/application-already-registered.error';
import { Application } from '../../domain/application.aggregate';
import { ApplicationRepository } from '../../domain/application.repository.port';
import { ApplicationMapper } from './application.mapper';
import { ApplicationRecord } from './application.record';

@Injectable()
export class TypeOrmApplicationRepository extends ApplicationRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outboxWriter: OutboxWriter,
  ) {
    super();
  }

  async findById(id: string): Promise<Application | undefined> {
    const manager = await this.unitOfWork.manager();
    const record = await manager.findOneBy(ApplicationRecord, { id });
    return record ? ApplicationMapper.toDomain(record) : undefined;
  }

  /** One INSERT or one revision-checked UPDATE, plus the events, in the command's transaction. */
  async save(application: Application): Promise<void> {
    const events = application.pullEvents();
    if (events.length === 0) return;
    const manager = await this.unitOfWork.manager();
    const record = ApplicationMapper.toRecord(application);
    try {
      if (application.isNew) {
        await manager.insert(ApplicationRecord, record);
      } else {
        await updateWithRevisionCheck(
          manager,
          ApplicationRecord,
          application,
          'Application',
          record,
        );
      }
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ApplicationAlreadyRegisteredError(
          record.name,
          record.version,
          record.architecture,
        );
      }
      throw error;
    }
    await this.outboxWriter.append('application', events);
  }
}
