import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';

/*
 * The two column kinds nearly every table has, mapped once as the migrations create them
 * (migrations/support/column-types.ts). `name` is the column's, where it is not the property's.
 */

/** A UUID: CHAR(36), ASCII. */
export function UuidColumn(name?: string, options: ColumnOptions = {}): PropertyDecorator {
  return Column({ name, type: 'varchar', length: 36, ...options });
}

/** A UUID that is (part of) the primary key. */
export function UuidPrimaryColumn(name?: string): PropertyDecorator {
  return PrimaryColumn({ name, type: 'varchar', length: 36 });
}

/** An instant: DATETIME(3), UTC. */
export function InstantColumn(name?: string, options: ColumnOptions = {}): PropertyDecorator {
  return Column({ name, type: 'datetime', precision: 3, ...options });
}
