import { requirePattern, TextValue } from '@servertree/ddd';

export const SERVER_STATUSES = ['running', 'stopped', 'error', 'unknown'] as const;
export type ServerStatusName = (typeof SERVER_STATUSES)[number];

const ANY_STATUS = new RegExp(`^(${SERVER_STATUSES.join('|')})$`);

/** Whether a server runs, as last reported. Any status may follow any other. */
export class ServerStatus extends TextValue {
  /** A server is registered before anyone has seen it run. */
  static readonly initial = new ServerStatus('stopped');

  static create(value: unknown): ServerStatus {
    return new ServerStatus(
      requirePattern('status', value, ANY_STATUS, `one of ${SERVER_STATUSES.join(', ')}`),
    );
  }

  override get value(): ServerStatusName {
    return super.value as ServerStatusName;
  }
}
