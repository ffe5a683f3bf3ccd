import { CsvColumn } from '@servertree/platform';
import { ApplicationView } from '../../application/queries/application.view';

/** An application as a CSV row: every field it has is a scalar. */
export const APPLICATION_CSV_COLUMNS: readonly CsvColumn<ApplicationView>[] = [
  { header: 'id', value: (application) => application.id },
  { header: 'name', value: (application) => application.name },
  { header: 'version', value: (application) => application.version },
  { header: 'architecture', value: (application) => application.architecture },
  { header: 'revision', value: (application) => application.revision },
  { header: 'createdAt', value: (application) => application.createdAt },
  { header: 'updatedAt', value: (application) => application.updatedAt },
  { header: 'discarded', value: (application) => application.discarded },
];
