import { refuseOverlongPath } from '@botdeck/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths that belong to the API itself: an unknown one there is a 404 in the envelope, never the page. */
const SERVER_PATHS = /^\/(api|docs|docs-json|metrics|realtime)(\/|$|\?)/;

export const DASHBOARD_NOT_BUILT =
  'The Botdeck dashboard is not built. Run `npm run build` (or `npm run dashboard:build`) and ' +
  'restart the API; the REST API is at /api/v1 and Swagger UI at /docs.';

/**
 * Serves the built dashboard at `/`: its files as they are, and index.html for any other GET
 * outside the API's own paths so client-side routes survive a reload. Registered before the
 * route index is attached, so the catch-all never turns a wrong method on an API path into 405.
 */
export async function serveDashboard(fastify: FastifyInstance, dir: string): Promise<void> {
  const built = existsSync(join(dir, 'index.html'));
  if (built) {
    await fastify.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      // One route per file found now, plus the catch-all below; hashed assets never change.
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  const page = (request: FastifyRequest, reply: FastifyReply) => {
    if (SERVER_PATHS.test(request.url)) {
      // This catch-all outranks an API route whose parameter was too long for the router.
      return refuseOverlongPath(request, reply) ?? reply.callNotFound();
    }
    if (!built) {
      if (request.url !== '/' && !request.url.startsWith('/?')) return reply.callNotFound();
      return reply.code(404).type('text/plain; charset=utf-8').send(DASHBOARD_NOT_BUILT);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', dir);
  };
  fastify.get('/', page);
  fastify.get('/*', page);
}
