import { ApiProperty } from '@nestjs/swagger';

/**
 * What every aggregate's resource shows besides its own state, after its own fields. A
 * resource class extends it for the types and carries `@ApiAggregateResponse()` for the
 * document.
 */
export abstract class AggregateResponse {
  revision!: number;
  createdAt!: string;
  updatedAt!: string;
  discarded!: boolean;
}

/**
 * Documents AggregateResponse's fields on the resource class, after the class's own. A class
 * decorator runs after the property decorators of its class, whereas fields documented on a
 * base class would come first; the order matters beyond looks, because answers are serialised
 * in the document's order (serialiseAnswersAsDocumented), and the views put these fields last.
 */
export function ApiAggregateResponse(): ClassDecorator {
  // Set by hand: TypeScript emits no design:type for properties it did not see decorated.
  return (target) => {
    const prototype = target.prototype as object;
    ApiProperty({ type: Number, example: 1, description: 'Bumped by every change; also the ETag' })(
      prototype,
      'revision',
    );
    ApiProperty({ type: String, format: 'date-time' })(prototype, 'createdAt');
    ApiProperty({ type: String, format: 'date-time' })(prototype, 'updatedAt');
    ApiProperty({
      type: Boolean,
      example: false,
      description: 'Soft-deleted: still readable, refuses changes',
    })(prototype, 'discarded');
  };
}
