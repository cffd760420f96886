import type { FieldError } from '../errors/app-error';

/**
 * NUL, and UTF-16 surrogates without their pair. PostgreSQL cannot store either in `text`
 * (NUL is refused outright; a lone surrogate is not valid UTF-8), so such a string would turn
 * into a database error deep inside a service. Refusing it at the edge names the field.
 */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isUnsafeText(value: string): boolean {
  return UNSAFE.test(value);
}

function join(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Every field in `value` (a parsed body, query or path parameter) holding unsafe text, as
 * validation errors. Object keys count too. The walk is recursive, which is safe because the
 * JSON body parser bounds nesting (see json-body.ts) and query strings are flat.
 */
export function findUnsafeText(value: unknown, field: string): FieldError[] {
  if (typeof value === 'string') {
    return isUnsafeText(value)
      ? [
          {
            field,
            messages: [`${field || 'value'} must not contain a NUL byte or an unpaired surrogate`],
          },
        ]
      : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findUnsafeText(item, join(field, index)));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
      const path = join(field, isUnsafeText(key) ? JSON.stringify(key) : key);
      return isUnsafeText(key)
        ? [
            {
              field: path,
              messages: ['field names must not contain a NUL byte or an unpaired surrogate'],
            },
          ]
        : findUnsafeText(item, path);
    });
  }
  return [];
}
