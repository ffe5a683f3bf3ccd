import {
  BatchFailures,
  ConflictError,
  Identifier,
  InvalidInputError,
  NotFoundError,
  requireText,
} from '@servertree/ddd';
import { ServerRepository } from '../../domain/server.repository.port';
import { BatchEntry } from './unique-server-names';

/**
 * The servers a bulk change names, loaded with one read per table. Every id that is
 * malformed, repeated or unknown is recorded at its own field (`items[3].id`, `ids[2]`).
 */
export async function loadServerBatch(
  servers: ServerRepository,
  ids: readonly unknown[],
  fieldOf: (index: number) => string,
  failures: BatchFailures,
): Promise<BatchEntry[]> {
  const wanted: { index: number; id: string }[] = [];
  const firstById = new Map<string, number>();
  ids.forEach((value, index) => {
    const field = fieldOf(index);
    let id: string;
    try {
      id = Identifier.parse(requireText(field, value, { min: 1, max: 36 }), field);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      failures.add(field, error);
      return;
    }
    const first = firstById.get(id);
    if (first !== undefined) {
      failures.add(field, new ConflictError(`server ${id} is also listed at ${fieldOf(first)}`));
      return;
    }
    firstById.set(id, index);
    wanted.push({ index, id });
  });
  const found = await servers.findByIds(wanted.map(({ id }) => id));
  const entries: BatchEntry[] = [];
  for (const { index, id } of wanted) {
    const server = found.get(id);
    if (server) entries.push({ index, server });
    else failures.add(fieldOf(index), NotFoundError.aggregate('Server', id));
  }
  return entries;
}
