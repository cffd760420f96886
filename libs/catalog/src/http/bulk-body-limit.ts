import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { catalogConfig, type CatalogConfig } from '../catalog.config';

const BULK_BODY = 'catalogBulkBody';

/** Marks a route whose body may reach CATALOG_BULK_BODY_LIMIT_BYTES instead of BODY_LIMIT_BYTES. */
export const BulkBody = () => RouteConfig({ [BULK_BODY]: true });

/**
 * Gives the routes marked `@BulkBody()` their own body limit. Fastify reads a route's
 * `bodyLimit` when the route is registered, so the hook goes in when this provider is built,
 * before Nest registers the routes (in a process with no HTTP server there is nothing to do).
 */
@Injectable()
export class BulkBodyLimit {
  constructor(adapterHost: HttpAdapterHost, @Inject(catalogConfig.KEY) config: CatalogConfig) {
    const fastify = adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onRoute', (route) => {
      const marked = (route.config as Record<string, unknown> | undefined)?.[BULK_BODY];
      if (marked === true) route.bodyLimit = config.bulkBodyLimitBytes;
    });
  }
}
