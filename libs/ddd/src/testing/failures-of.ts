import { BatchRejectedError, ItemFailure } from '../domain';

/** The item failures a batch is refused with; fails the test if it is not refused so. */
export async function failuresOf(work: Promise<unknown>): Promise<readonly ItemFailure[]> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof BatchRejectedError) return error.failures;
  throw new Error(`expected BatchRejectedError, got ${String(error)}`);
}
