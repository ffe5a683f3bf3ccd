import type { FieldType } from './list-criteria';

/** How a list exposes one field to filters and ordering. */
export interface ListableField {
  readonly type: FieldType;
  /**
   * Defaults to true. False for fields an item can have several values of, such as a server's
   * `applicationId`: they can filter but give no single value to sort on.
   */
  readonly sortable?: boolean;
}

/**
 * The fields a list lets clients filter and sort on, keyed by their API name (`name`, `ramMb`,
 * `operatingSystem.name`). It must declare `id` and `createdAt`, which make up the default
 * ordering; declaring `discarded` makes the list hide soft-deleted aggregates unless asked.
 */
export type ListSchema = Readonly<Record<string, ListableField>>;
