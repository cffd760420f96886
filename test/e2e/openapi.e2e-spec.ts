import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';

type Operation = {
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  tags?: string[];
};

describe('OpenAPI document', () => {
  let api: TestApi;
  let spec: {
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes: Record<string, unknown> };
  };

  beforeAll(async () => {
    api = await startApi();
    const res = await request(api.url).get('/docs-json').expect(200);
    spec = res.body;
  });
  afterAll(() => api.close());

  it('is a valid OpenAPI 3 document', async () => {
    await expect(SwaggerParser.validate(structuredClone(spec) as never)).resolves.toBeDefined();
    expect((spec as unknown as { openapi: string }).openapi).toMatch(/^3\./);
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await request(api.url).get('/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger-ui');
  });

  it('answers an unknown path under /docs/ with 404, not 405', async () => {
    for (const method of ['get', 'head'] as const) {
      const res = await request(api.url)[method]('/docs/no-such-file.js').expect(404);
      expect(res.headers.allow).toBeUndefined();
      if (method === 'get') {
        expect(res.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
      }
    }
    // A wrong method there is still a 405 naming the right one.
    const wrong = await request(api.url).delete('/docs/no-such-file.js').expect(405);
    expect(wrong.headers.allow).toBe('GET');
  });

  it('documents the bearer scheme and the error envelope on every operation', () => {
    expect(spec.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, tagged: (operation.tags ?? []).length > 0 }).toEqual({ where, tagged: true });
      const errorRef = operation.responses['500']?.content?.['application/json']?.schema?.$ref;
      expect({ where, errorRef }).toEqual({
        where,
        errorRef: '#/components/schemas/ErrorEnvelope',
      });
      const success = Object.keys(operation.responses).filter((status) => /^2/.test(status));
      expect({ where, documentsSuccess: success.length > 0 }).toEqual({
        where,
        documentsSuccess: true,
      });
    }
  });
});
