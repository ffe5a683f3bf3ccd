import { Injectable, PipeTransform } from '@nestjs/common';
import { Identifier } from '@servertree/ddd';

/** Path ids must be UUIDs; anything else is a 400 naming the parameter, never a 500. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly parameter: string) {}

  transform(value: string): string {
    return Identifier.parse(value, this.parameter);
  }
}
