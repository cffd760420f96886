import { ValidationFailedError } from '@botdeck/core';
import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';

const SNOWFLAKE = /^\d{17,20}$/;

/** `@Param('userId', SnowflakePipe)`: a Discord id, or a validation error naming the parameter. */
@Injectable()
export class SnowflakePipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !SNOWFLAKE.test(value)) {
      const field = metadata.data ?? 'id';
      throw new ValidationFailedError([
        { field, messages: [`${field} must be a Discord snowflake (17 to 20 digits)`] },
      ]);
    }
    return value;
  }
}
