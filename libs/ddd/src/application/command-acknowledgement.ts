/**
 * What a command answers: which aggregate it touched and the revision it left. Callers that
 * want the full picture ask the query side, so commands never shape read models.
 */
export interface CommandAcknowledgement {
  readonly id: string;
  readonly revision: number;
}
