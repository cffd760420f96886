import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import Router from 'find-my-way';
import { generateRequestId } from './request-id';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function createFastifyAdapter(options: {
  bodyLimitBytes: number;
  trustProxyHops: number;
}): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes,
    genReqId: generateRequestId,
    trustProxy: options.trustProxyHops > 0 ? options.trustProxyHops : false,
    // Nest's own logger (pino) reports requests; Fastify's would duplicate them.
    logger: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
}

/**
 * Makes every response carry X-Request-Id. (Framework-level failures such as an unparseable
 * body reach the global exception filter through the error handler Nest installs.)
 */
export function installHttpConventions(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
}

/**
 * Remembers every route Fastify registers so an unknown method on a known path can answer
 * 405 with an Allow header instead of a bare 404.
 */
export class RouteIndex {
  private readonly router = Router();

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        const known = METHODS.find((candidate) => candidate === method);
        if (known && !this.router.hasRoute(known, route.url)) {
          this.router.on(known, route.url, () => undefined);
        }
      }
    });
  }

  allowedMethods(url: string): string[] {
    const path = url.split('?')[0] ?? url;
    return METHODS.filter((method) => this.router.find(method, path) !== null);
  }
}
