import { DatabaseBusyError, isDatabaseUnavailable } from '@servertree/platform';

/**
 * How many times a consumer gets an event before it is dead-lettered: enough to ride out a
 * concurrent change or a short database hiccup, few enough that a message that can never
 * succeed (a poison message) is set aside instead of blocking or looping forever.
 */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Whether a consumer failed because of the infrastructure rather than the message: its database
 * is unreachable, or kept refusing the transaction to concurrent writers (DatabaseBusyError).
 * Such a failure says nothing about the message, so it uses up none of its attempts - otherwise
 * a database outage longer than the attempts last would dead-letter every good message in it.
 * The transports retry it instead, with a backoff, until the database is back.
 */
export function isInfrastructureFailure(error: unknown): boolean {
  return error instanceof DatabaseBusyError || isDatabaseUnavailable(error);
}
