import {
  registerDecorator,
  ValidateIf,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';

/**
 * The field may be left out, but when present it is validated, so `null` is refused (unlike
 * `@IsOptional()`, which lets `null` through to a NOT NULL column). Use it for fields whose
 * column has no null: a client that means "leave it" omits the field.
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/**
 * Fails when the decorated ISO-8601 date is before the one in `property` (`to` before `from`).
 * Missing or unparseable values are left to the other validators.
 */
export function IsNotBefore(property: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName,
      constraints: [property],
      options: { message: `${propertyName} must not be before ${property}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[property];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          const [end, start] = [Date.parse(value), Date.parse(other)];
          return Number.isNaN(end) || Number.isNaN(start) || end >= start;
        },
      },
    });
}
