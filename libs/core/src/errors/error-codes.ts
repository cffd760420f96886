/**
 * A lib's error codes as one constant object (`{ BOT_NOT_FOUND: 'BOT_NOT_FOUND', … }`): throw
 * sites name `BOT_CONFIG_ERRORS.BOT_NOT_FOUND` instead of repeating a string, and a test checks
 * that the README lists every code a lib exports.
 */
export function errorCodes<const C extends string>(...codes: C[]): { readonly [K in C]: K } {
  return Object.freeze(Object.fromEntries(codes.map((code) => [code, code]))) as {
    readonly [K in C]: K;
  };
}
