import { Server } from './server.aggregate';

/**
 * What the servers module needs from storage, in its own words. A server is loaded and saved
 * whole, with its credentials, installations and tags. `save` writes it with its recorded
 * events atomically, refuses a stale revision (ConcurrentModificationError) and a name another
 * live server has (ServerNameTakenError). The bulk methods do the same for many servers with
 * as many statements as one.
 */
export abstract class ServerRepository {
  abstract findById(id: string): Promise<Server | undefined>;
  /** The servers that exist among `ids`, by id. */
  abstract findByIds(ids: readonly string[]): Promise<Map<string, Server>>;
  /** Live servers whose names equal one of `names` (case-insensitively), excluding `except`. */
  abstract findLiveNames(
    names: readonly string[],
    except?: readonly string[],
  ): Promise<readonly { id: string; name: string }[]>;
  abstract save(server: Server): Promise<void>;
  abstract saveAll(servers: readonly Server[]): Promise<void>;
}
