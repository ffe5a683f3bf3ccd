import { Server } from './server.aggregate';

/**
 * What the servers module needs from storage, in its own words. A server is loaded and saved
 * whole, with its credentials and installations. `save` writes it with its recorded events
 * atomically, refuses a stale revision (ConcurrentModificationError) and a name another live
 * server has (ServerNameTakenError).
 */
export abstract class ServerRepository {
  abstract findById(id: string): Promise<Server | undefined>;
  abstract save(server: Server): Promise<void>;
}
