import { Application } from './application.aggregate';

/**
 * What the catalogue needs from storage, in its own words. `save` writes the aggregate with
 * its recorded events atomically, refuses a stale revision (ConcurrentModificationError) and
 * a duplicate identity (ApplicationAlreadyRegisteredError).
 */
export abstract class ApplicationRepository {
  abstract findById(id: string): Promise<Application | undefined>;
  abstract save(application: Application): Promise<void>;
}
