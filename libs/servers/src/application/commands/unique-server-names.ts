import { BatchFailures, ConflictError } from '@servertree/ddd';
import { ServerNameTakenError } from '../../domain/server-name-taken.error';
import { Server } from '../../domain/server.aggregate';
import { ServerRepository } from '../../domain/server.repository.port';

/** A server of a batch with its position in the request (`items[3]`). */
export interface BatchEntry {
  readonly index: number;
  readonly server: Server;
}

/**
 * Names are unique among live servers, compared case-insensitively: within the batch, and
 * against the stored servers the batch does not itself contain (which may swap names). The
 * unique index stays the last word; this names every clashing item before anything is written.
 */
export async function refuseDuplicateNames(
  entries: readonly BatchEntry[],
  servers: ServerRepository,
  failures: BatchFailures,
): Promise<void> {
  const live = entries.filter(({ server }) => !server.discarded);
  const firstByName = new Map<string, number>();
  for (const { index, server } of live) {
    const name = server.profile.toJSON().name;
    const first = firstByName.get(name.toLowerCase());
    if (first === undefined) firstByName.set(name.toLowerCase(), index);
    else {
      failures.add(
        `items[${index}].name`,
        new ConflictError(`"${name}" is also the name of items[${first}]`),
      );
    }
  }
  const taken = await servers.findLiveNames(
    live.map(({ server }) => server.profile.toJSON().name),
    entries.filter(({ server }) => !server.isNew).map(({ server }) => server.id),
  );
  const takenNames = new Set(taken.map(({ name }) => name.toLowerCase()));
  for (const { index, server } of live) {
    const name = server.profile.toJSON().name;
    if (takenNames.has(name.toLowerCase())) {
      failures.add(`items[${index}].name`, new ServerNameTakenError(name));
    }
  }
}
