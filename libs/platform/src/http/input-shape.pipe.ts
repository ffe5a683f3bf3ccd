import { applyDecorators, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type as TransformTo } from 'class-transformer';
import { Allow, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { InvalidInputError, Violation } from '@servertree/ddd';

/**
 * Request DTOs only shape input: which properties exist, which are objects or arrays.
 * Every rule about values (lengths, ranges, formats, required fields) belongs to a value
 * object and is reported by it, so each rule is written, and worded, exactly once.
 */
export function inputShapePipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors) =>
      new InvalidInputError(errors.flatMap((error) => violationsOf(error))),
  });
}

function violationsOf(error: ValidationError, parent = ''): Violation[] {
  const field =
    parent === ''
      ? error.property
      : /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`;
  const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
    constraint === 'whitelistValidation'
      ? { field, message: `${field} is not a known field` }
      : { field, message: message.replace(error.property, field) },
  );
  return [...own, ...(error.children ?? []).flatMap((child) => violationsOf(child, field))];
}

/**
 * A required text property of a request DTO: documented with an example and the length its
 * value object allows, admitted as given (`@Allow`); the value object judges the value.
 */
export function TextProperty(example: string, maxLength: number): PropertyDecorator {
  return applyDecorators(ApiProperty({ example, minLength: 1, maxLength }), Allow());
}

/**
 * A list of nested request objects, each shaped like `item` (unknown properties refused inside
 * every one). Missing is let through: whether the list is required, and how long it may be, is
 * the domain's to say.
 */
export function NestedList(item: () => Type): PropertyDecorator {
  // In the order stacked decorators apply (bottom-up), which orders the violations.
  return applyDecorators(
    TransformTo(item),
    ValidateNested({ each: true }),
    IsArray(),
    IsOptional(),
  );
}
