import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

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
