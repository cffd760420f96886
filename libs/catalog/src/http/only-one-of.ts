import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * Fails when one of the sibling properties is present too (`undefined` = absent): a body
 * that names a thing one way only (`productId` or `sku`; `delta` or `set`).
 */
export function OnlyOneOf(...others: string[]) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'onlyOneOf',
      target: target.constructor,
      propertyName,
      constraints: others,
      options: { message: `give only one of ${[propertyName, ...others].join(', ')}` },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          others.every((other) => (args.object as Record<string, unknown>)[other] === undefined),
      },
    });
}
