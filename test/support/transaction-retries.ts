import { Metrics } from '@servertree/platform';
import type { TestApp } from './test-app';

/** Units of work the app has run again so far, whatever the cause (servertree_transaction_retries_total). */
export async function transactionRetries(t: TestApp): Promise<number> {
  const { values } = await t.app.get(Metrics).transactionRetries.get();
  return values.reduce((sum, { value }) => sum + value, 0);
}
