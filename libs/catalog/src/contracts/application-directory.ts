/** What other modules may know of an application of the catalogue. */
export interface ApplicationSummary {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly architecture: string;
  readonly discarded: boolean;
}

/**
 * The catalogue's answer to other modules that must check applications before they refer to
 * them (servers installing one). Meant to be asked inside the caller's command: the rows found
 * stay share-locked until that command's transaction ends, so the answer still holds at
 * commit. An application cannot be discarded between the check and the caller's write.
 */
export abstract class ApplicationDirectory {
  /** The applications among `ids` that exist, discarded ones included; unknown ids are left out. */
  abstract findByIds(ids: readonly string[]): Promise<ApplicationSummary[]>;
}
