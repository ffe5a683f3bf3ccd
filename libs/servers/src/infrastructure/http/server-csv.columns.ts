import { CsvColumn } from '@servertree/platform';
import { ServerSummary } from '../../application/queries/server.view';

/** A server as a CSV row: its scalar fields, the operating system flattened, tags joined. */
export const SERVER_CSV_COLUMNS: readonly CsvColumn<ServerSummary>[] = [
  { header: 'id', value: (server) => server.id },
  { header: 'name', value: (server) => server.name },
  { header: 'cpuCores', value: (server) => server.cpuCores },
  { header: 'ramMb', value: (server) => server.ramMb },
  { header: 'diskGb', value: (server) => server.diskGb },
  { header: 'environment', value: (server) => server.environment },
  { header: 'operatingSystem.name', value: (server) => server.operatingSystem.name },
  { header: 'operatingSystem.version', value: (server) => server.operatingSystem.version },
  {
    header: 'operatingSystem.architecture',
    value: (server) => server.operatingSystem.architecture,
  },
  { header: 'status', value: (server) => server.status },
  { header: 'tags', value: (server) => server.tags.join(';') },
  { header: 'revision', value: (server) => server.revision },
  { header: 'createdAt', value: (server) => server.createdAt },
  { header: 'updatedAt', value: (server) => server.updatedAt },
  { header: 'discarded', value: (server) => server.discarded },
];
