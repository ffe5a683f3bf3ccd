import { InvalidInputError, validateAll, ValueObject } from '@servertree/ddd';
import { Tag } from './tag.value-object';

export const MAX_TAGS = 32;

/**
 * The tags of one server: a set (a tag given twice counts once) of at most 32, always in
 * sorted order, so that answers, events and comparisons never depend on the order a client
 * happened to send.
 */
export class TagSet extends ValueObject<{ tags: readonly string[] }> {
  static readonly empty = new TagSet({ tags: [] });

  /** Absent (undefined or null) is no tags; anything else must be a list of tags. */
  static create(value: unknown): TagSet {
    if (value === undefined || value === null) return TagSet.empty;
    if (!Array.isArray(value)) {
      throw InvalidInputError.single('tags', 'tags must be a list of tags');
    }
    const tags = validateAll(
      Object.fromEntries(
        value.map((tag, index) => [index, () => Tag.create(`tags[${index}]`, tag)]),
      ),
    );
    const distinct = [...new Set(Object.values(tags).map((tag) => tag.value))].sort();
    if (distinct.length > MAX_TAGS) {
      throw InvalidInputError.single(
        'tags',
        `tags must hold at most ${MAX_TAGS} distinct tags (got ${distinct.length})`,
      );
    }
    return new TagSet({ tags: distinct });
  }

  get values(): readonly string[] {
    return this.props.tags;
  }

  toJSON(): string[] {
    return [...this.props.tags];
  }
}
