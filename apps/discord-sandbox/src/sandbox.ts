import type { AddressInfo } from 'node:net';
import Fastify, { FastifyReply } from 'fastify';
import { SandboxControlClient } from './control/control-client';
import { registerFaultRoutes } from './control/faults.routes';
import { registerInteractionControlRoutes } from './control/interactions.routes';
import { registerPermissionRoutes } from './control/permissions.routes';
import { registerWorldRoutes } from './control/world.routes';
import { DiscordErrors } from './discord/discord-error';
import { SandboxStore } from './domain/sandbox-store';
import { applySeed, readSeedFile, SandboxSeed } from './domain/seed';
import { FaultRegistry } from './faults/fault-registry';
import { GatewayHub } from './gateway/gateway-hub';
import { CloseCode } from './gateway/gateway-protocol';
import { attachGateway, GATEWAY_PATH } from './gateway/gateway-server';
import { registerRestPipeline } from './http/rest-pipeline';
import { InteractionWebhooksService } from './interactions/interaction-webhooks.service';
import { InteractionsService } from './interactions/interactions.service';
import { MessagesService } from './messages/messages.service';
import { RateLimiter } from './rate-limits/rate-limiter';
import { registerChannelRoutes } from './rest/channels.routes';
import { registerCommandRoutes } from './rest/commands.routes';
import { registerIdentityRoutes } from './rest/identity.routes';
import { registerInteractionRoutes } from './rest/interactions.routes';
import { controlErrorBody, SandboxContext } from './sandbox-context';
import { resolveOptions, SandboxOptions } from './sandbox-options';
import { RequestStats } from './stats/request-stats';

export interface RunningSandbox {
  /** `http://host:port` — the control API lives under `${baseUrl}/_sandbox`. */
  baseUrl: string;
  /** Give this to discord.js as `rest.api`: `${baseUrl}/api`. */
  apiUrl: string;
  /** `ws://host:port/gateway`, also what `GET /gateway/bot` answers. */
  gatewayUrl: string;
  port: number;
  /** A typed client for the control API of this sandbox. */
  control: SandboxControlClient;
  /** Closes every gateway connection and the HTTP server. */
  stop(): Promise<void>;
}

/**
 * Starts a sandbox: Discord's REST v10 subset under `/api/v10`, the gateway at `/gateway` and
 * the control API under `/_sandbox`, all on one port. Plain Fastify and `ws`, no Nest: it sits
 * on the hot path of every benchmark and test that talks to "Discord".
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const settings = resolveOptions(options);
  const seed: SandboxSeed | undefined =
    typeof settings.seed === 'string' ? readSeedFile(settings.seed) : settings.seed;

  const store = new SandboxStore();
  const gateway = new GatewayHub(store, settings.gateway);
  const messages = new MessagesService(store, gateway);
  const interactions = new InteractionsService(store, gateway, messages, settings.interactions);
  const webhooks = new InteractionWebhooksService(store, interactions, messages);
  const limiter = new RateLimiter(settings.rateLimits);
  const faults = new FaultRegistry();
  const stats = new RequestStats();
  let baseUrl = '';

  const ctx: SandboxContext = {
    store,
    gateway,
    messages,
    interactions,
    webhooks,
    limiter,
    faults,
    stats,
    baseUrl: () => baseUrl,
    reset: () => {
      gateway.closeAll(CloseCode.SessionTimedOut);
      interactions.clear();
      messages.nonces.clear();
      store.clear();
      limiter.reset();
      faults.clear();
      stats.reset();
      if (seed) applySeed(store, seed);
    },
    sendControlError: (reply: FastifyReply, error: unknown) => {
      const body = controlErrorBody(error);
      return reply.code(body.statusCode).send(body);
    },
  };
  if (seed) applySeed(store, seed);

  const app = Fastify({
    logger: settings.logRequests,
    bodyLimit: 8 * 1024 * 1024,
    forceCloseConnections: true,
    // Discord's ids and tokens live in paths; keep long ones routable.
    routerOptions: { maxParamLength: 500 },
    // Discord treats `%40me` and `@me` (and `%40original`) alike; discord.js sends either.
    rewriteUrl: (request) => (request.url ?? '/').replace(/%40/gi, '@'),
  });
  app.addContentTypeParser('multipart/form-data', (_request, payload, done) => {
    payload.resume();
    done(
      DiscordErrors.invalidFormBody({
        files: {
          _errors: [{ code: 'UNSUPPORTED', message: 'The sandbox does not accept attachments.' }],
        },
      }),
      undefined,
    );
  });
  registerRestPipeline(app, ctx);
  registerIdentityRoutes(app, ctx);
  registerCommandRoutes(app, ctx);
  registerChannelRoutes(app, ctx);
  registerInteractionRoutes(app, ctx);
  registerWorldRoutes(app, ctx);
  registerPermissionRoutes(app, ctx);
  registerInteractionControlRoutes(app, ctx);
  registerFaultRoutes(app, ctx);
  app.setNotFoundHandler((request, reply) =>
    request.url.startsWith('/api/')
      ? reply.code(404).send({ message: '404: Not Found', code: 0 })
      : reply.code(404).send({
          statusCode: 404,
          code: 'ROUTE_NOT_FOUND',
          message: `No route for ${request.method} ${request.url.split('?')[0]}`,
        }),
  );

  const wss = attachGateway(app.server, gateway, () => baseUrl);
  await app.listen({ port: settings.port, host: settings.host });
  const { port } = app.server.address() as AddressInfo;
  const publicHost = ['0.0.0.0', '::', ''].includes(settings.host) ? '127.0.0.1' : settings.host;
  baseUrl = `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${port}`;

  let stopped = false;
  return {
    baseUrl,
    apiUrl: `${baseUrl}/api`,
    gatewayUrl: `${baseUrl.replace(/^http/, 'ws')}${GATEWAY_PATH}`,
    port,
    control: new SandboxControlClient(baseUrl),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      interactions.stop();
      gateway.closeAll(CloseCode.UnknownError);
      for (const client of wss.clients) client.terminate();
      wss.close();
      await app.close();
    },
  };
}
