import {
  appConfig,
  createFastifyAdapter,
  installHttpConventions,
  ResponseCache,
  ResponseCacheAdmission,
  RouteIndex,
} from '@botdeck/core';
import { RealtimeIoAdapter } from '@botdeck/realtime';
import { RequestMethod, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { dashboardConfig } from './dashboard/dashboard.config';
import { serveDashboard } from './dashboard/dashboard-static';
import { setupSwagger } from './swagger';

export const API_PREFIX = 'api/v1';

/**
 * Builds the API exactly as production runs it; tests call this too (with `root` a module that
 * imports ApiModule next to test-only providers).
 */
export async function createApiApp(root: Type = ApiModule): Promise<NestFastifyApplication> {
  const config = appConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    root,
    createFastifyAdapter({
      bodyLimitBytes: config.bodyLimitBytes,
      trustProxyHops: config.trustProxyHops,
      limits: config.http,
    }),
    // installHttpConventions installs the JSON body parser (depth-limited).
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  installHttpConventions(fastify, { bodyLimitBytes: config.bodyLimitBytes, limits: config.http });
  // Before app.init() installs Nest's middleware: a repeat read is answered ahead of it.
  app.get(ResponseCache).install(fastify, app.get(ResponseCacheAdmission));
  // Before the route index: the dashboard's catch-all GET must not make API paths look GET-able.
  await serveDashboard(fastify, dashboardConfig().dir);
  app.get(RouteIndex).attach(fastify);
  // Discord is given `/interactions/{botId}` as a bot's Interactions Endpoint URL.
  app.setGlobalPrefix(API_PREFIX, {
    exclude: ['metrics', { path: 'interactions/:botId', method: RequestMethod.POST }],
  });
  app.enableShutdownHooks();
  // socket.io at /realtime on this same server, its rooms shared with other instances via Redis.
  app.useWebSocketAdapter(new RealtimeIoAdapter(app));
  setupSwagger(app);
  await app.init();
  return app;
}
