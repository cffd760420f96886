import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Router from 'find-my-way';
import type { HttpLimits } from '../config/app.config';
import { envelopeClientError, envelopeFrameworkError } from './client-errors';
import { installEtags } from './etag';
import { installBodyParsers } from './json-body';
import { generateRequestId } from './request-id';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface HttpServerOptions {
  bodyLimitBytes: number;
  trustProxyHops: number;
  limits: HttpLimits;
}

/** Answers a request before Nest's middleware runs, or leaves it to the pipeline. */
export type EarlyResponder = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const earlyResponders = new WeakMap<FastifyInstance, EarlyResponder>();

/**
 * Lets `responder` see every request first (after the request id is set): the one way ahead of
 * Nest's middleware, which NestFactory.create registers before the app can add hooks.
 */
export function answerEarly(fastify: FastifyInstance, responder: EarlyResponder): void {
  earlyResponders.set(fastify, responder);
}

/** Botdeck's Fastify adapter; every response carries X-Request-Id. */
export function createFastifyAdapter(options: HttpServerOptions): FastifyAdapter {
  const adapter = buildAdapter(options);
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
    await earlyResponders.get(fastify)?.(request, reply);
  });
  return adapter;
}

function buildAdapter(options: HttpServerOptions): FastifyAdapter {
  const { limits } = options;
  return new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      // Node checks the two timeouts above on this period (30 s by default), which would let
      // a slow client overstay a short timeout by up to that much.
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, limits.headersTimeoutMs / 2)),
    },
    clientErrorHandler: envelopeClientError,
    frameworkErrors: envelopeFrameworkError,
    genReqId: generateRequestId,
    trustProxy: options.trustProxyHops > 0 ? options.trustProxyHops : false,
    // Nest's own logger (pino) reports requests; Fastify's would duplicate them.
    logger: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
  });
}

/**
 * Caps open connections, installs the body parsers
 * (JSON depth-limited; an empty JSON body is no body) and answers unchanged GETs with 304. Create the Nest app with
 * `bodyParser: false` so Nest does not install its own parser over it. Framework-level
 * failures such as an unparseable body reach the global exception filter through the error
 * handler Nest installs.
 */
export function installHttpConventions(
  fastify: FastifyInstance,
  options: Pick<HttpServerOptions, 'bodyLimitBytes' | 'limits'>,
): void {
  if (options.limits.maxConnections > 0) {
    fastify.server.maxConnections = options.limits.maxConnections;
  }
  installBodyParsers(fastify, { bodyLimitBytes: options.bodyLimitBytes });
  installEtags(fastify);
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
} /** Longest path parameter the router takes; a longer one is refused with 414 URI_TOO_LONG. */
export const MAX_PARAM_LENGTH = 200;

/** Refuses a request whose path holds a segment too long to be a parameter, as the router does. */
export function refuseOverlongPath(
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply | undefined {
  const path = request.url.split('?')[0] ?? request.url;
  if (!path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) return undefined;
  envelopeFrameworkError(
    Object.assign(new Error('max param length'), {
      code: 'FST_ERR_MAX_PARAM_LENGTH',
    }),
    request,
    reply,
  );
  return reply;
}
