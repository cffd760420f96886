import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DiscordError } from '../discord/discord-error';
import { HttpFault } from '../faults/fault-registry';
import type { SandboxContext } from '../sandbox-context';
import { API_PREFIX } from './discord-route';

/**
 * What Discord does to a request before the route runs, in Discord's order: authenticate,
 * apply injected faults (latency, 429 / 5xx), then the global and per-route rate limits.
 * Stats are counted on the way out, with the status actually sent.
 */
export function registerRestPipeline(app: FastifyInstance, ctx: SandboxContext): void {
  app.decorateRequest('sandboxApp', null);
  app.decorateRequest('routeKey', null);

  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.config?.discord;
    if (!route) return;
    const key = `${request.method} ${request.routeOptions.url?.slice(API_PREFIX.length)}`;
    request.routeKey = key;
    const params = request.params as Record<string, string>;

    if (route.auth === 'bot') {
      const header = request.headers.authorization;
      const found = header?.startsWith('Bot ')
        ? ctx.store.appByToken(header.slice(4).trim())
        : undefined;
      if (!found) return reply.code(401).send({ message: '401: Unauthorized', code: 0 });
      request.sandboxApp = found;
    } else {
      request.sandboxApp = route.appFrom?.(ctx, params) ?? null;
    }
    const botUserId = request.sandboxApp?.botUserId;

    if (!ctx.faults.empty) {
      const delay = ctx.faults.latencyFor(key, botUserId);
      if (delay > 0) await sleep(delay);
      const fault = ctx.faults.takeHttp(key, botUserId);
      if (fault) return sendFault(reply, fault);
    }

    if (ctx.limiter.enabled && botUserId) {
      const major = route.major ? (params[route.major] ?? 'global') : 'global';
      if (!route.globalExempt) {
        const global = ctx.limiter.checkGlobal(botUserId);
        ctx.stats.recordBucket('global', 'global', botUserId, !global.allowed);
        if (!global.allowed) {
          reply.header('x-ratelimit-global', 'true').header('x-ratelimit-scope', 'global');
          return sendTooManyRequests(reply, global.retryAfterMs, true);
        }
      }
      const bucket = route.bucket ?? 'default';
      const decision = ctx.limiter.take(botUserId, bucket, major);
      ctx.stats.recordBucket(bucket, major, botUserId, !decision.allowed);
      reply.headers(decision.headers);
      if (!decision.allowed) {
        reply.header('x-ratelimit-scope', 'user');
        return sendTooManyRequests(reply, decision.retryAfterMs, false);
      }
    }
  });

  app.addHook('onResponse', (request, reply, done) => {
    if (request.routeKey)
      ctx.stats.record(request.routeKey, request.sandboxApp?.botUserId, reply.statusCode);
    done();
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof DiscordError) return reply.code(error.status).send(error.toBody());
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (request.url.startsWith('/api/')) {
      if (status === 400)
        return reply
          .code(400)
          .send({ message: 'The request body contains invalid JSON.', code: 50109 });
      if (status === 413)
        return reply.code(413).send({ message: 'Request entity too large', code: 40005 });
      if (status < 500)
        return reply.code(status).send({ message: `${status}: Bad Request`, code: 0 });
      request.log.error(error);
      return reply.code(500).send({ message: '500: Internal Server Error', code: 0 });
    }
    return ctx.sendControlError(reply, error);
  });
}

function sendTooManyRequests(
  reply: FastifyReply,
  retryAfterMs: number,
  global: boolean,
): FastifyReply {
  // @discordjs/rest waits only on the Retry-After header; the body is for everyone else.
  return reply
    .code(429)
    .header('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1000))))
    .send({ message: 'You are being rate limited.', retry_after: retryAfterMs / 1000, global });
}

function sendFault(reply: FastifyReply, fault: HttpFault): FastifyReply {
  if (fault.status === 429) {
    reply.header('x-ratelimit-scope', 'user');
    return sendTooManyRequests(reply, fault.retryAfterMs, false);
  }
  return reply.code(fault.status).send({ message: `${fault.status}: Injected fault`, code: 0 });
}
