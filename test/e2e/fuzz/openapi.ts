import { randomUUID } from 'node:crypto';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  minimum?: number;
  minLength?: number;
  nullable?: boolean;
}

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: string;
  /** OpenAPI path template, e.g. `/api/v1/bots/{id}`. */
  template: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  /** The resolved JSON body schema, when the operation takes one. */
  body?: Schema;
}

/** Every operation in the document, with `$ref`s resolved. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema) return undefined;
    if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop() ?? '']);
    if (schema.allOf) {
      return schema.allOf.reduce<Schema>((merged, part) => {
        const resolved = resolve(part) ?? {};
        return {
          ...merged,
          ...resolved,
          properties: { ...merged.properties, ...resolved.properties },
        };
      }, {});
    }
    return schema;
  };
  const deepResolve = (schema: Schema | undefined): Schema | undefined => {
    const resolved = resolve(schema);
    if (!resolved) return undefined;
    return {
      ...resolved,
      items: deepResolve(resolved.items),
      properties: resolved.properties
        ? Object.fromEntries(
            Object.entries(resolved.properties).map(([key, value]) => [
              key,
              deepResolve(value) ?? {},
            ]),
          )
        : undefined,
    };
  };

  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = op.parameters ?? [];
      return {
        method: method.toUpperCase(),
        template,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        body: deepResolve(op.requestBody?.content?.['application/json']?.schema),
      };
    }),
  );
}

let sequence = 0;

/**
 * A plausible value for `schema`: what a well-behaved client would send, so that a mutation
 * of one field leaves the rest valid and the request reaches deeper code. Ids are fresh
 * UUIDs that name nothing, so destructive routes never touch a real row.
 */
export function sampleValue(schema: Schema | undefined, name = ''): unknown {
  sequence += 1;
  if (!schema) return 'fuzz';
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'array':
      return [sampleValue(schema.items, name)];
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [
          key,
          sampleValue(value, key),
        ]),
      );
    default:
      return sampleString(schema, name);
  }
}

function sampleString(schema: Schema, name: string): string {
  if (schema.format === 'uuid' || /id$/i.test(name)) {
    return /userId|guild|channel/i.test(name) ? '123456789012345678' : randomUUID();
  }
  if (schema.format === 'email' || /email/i.test(name)) return `fuzz-${sequence}@botdeck.test`;
  if (schema.format === 'date-time' || /^(from|to)$/.test(name)) return new Date().toISOString();
  if (/token/i.test(name)) return 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.fuzz-token-for-tests-only-abcd';
  return `fuzz-${sequence}`.padEnd(Math.max(schema.minLength ?? 0, 12), 'x');
}
