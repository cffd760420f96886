import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxApplication } from '../domain/entities';
import type { BucketName } from '../rate-limits/rate-limiter';
import type { SandboxContext } from '../sandbox-context';

export const API_PREFIX = '/api/v10';

/** How a REST route is authenticated and rate limited, declared beside the route. */
export interface DiscordRouteConfig {
  /** `bot`: `Authorization: Bot <token>`; `token`: the interaction token in the path. */
  auth: 'bot' | 'token';
  bucket?: BucketName;
  /** The path parameter that splits the bucket per resource (Discord's major parameter). */
  major?: string;
  /** Interaction callbacks and webhooks are outside the global limit on Discord. */
  globalExempt?: boolean;
  /** For `token` routes: the application the token belongs to, if any. */
  appFrom?: (ctx: SandboxContext, params: Record<string, string>) => SandboxApplication | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    discord?: DiscordRouteConfig;
  }
  interface FastifyRequest {
    /** The application whose bot made this request (null on token routes with a bad token). */
    sandboxApp: SandboxApplication | null;
    /** `METHOD /path/:template`, the key used by stats and faults. */
    routeKey: string | null;
  }
}

export type DiscordHandler = (
  request: FastifyRequest<{
    Params: Record<string, string>;
    Querystring: Record<string, string>;
    Body: unknown;
  }>,
  reply: FastifyReply,
) => unknown;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Registers a Discord REST route under `/api/v10` with its auth and rate limit declaration. */
export function discordRoute(
  app: FastifyInstance,
  method: Method,
  path: string,
  config: DiscordRouteConfig,
  handler: DiscordHandler,
): void {
  app.route({ method, url: `${API_PREFIX}${path}`, config: { discord: config }, handler });
}

/** The bot behind the request; only called on `auth: 'bot'` routes, where the hook set it. */
export function botOf(request: FastifyRequest): SandboxApplication {
  if (!request.sandboxApp) throw new Error('route is not bot-authenticated');
  return request.sandboxApp;
}
