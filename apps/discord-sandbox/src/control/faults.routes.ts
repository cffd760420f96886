import type { FastifyInstance } from 'fastify';
import { CloseCode } from '../gateway/gateway-protocol';
import type { SandboxContext } from '../sandbox-context';
import { CONTROL_PREFIX, ControlInput, invalid, notFound } from './control-input';

type Params = { Params: Record<string, string> };

/** Control API: break things on purpose (gateway and REST), and read the counters. */
export function registerFaultRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const botOr404 = (userId: string) => {
    const bot = ctx.store.appByBotUser(userId);
    if (!bot) throw notFound('UNKNOWN_BOT', `No bot user ${userId}`);
    return bot;
  };
  const gateway = `${CONTROL_PREFIX}/bots/:userId/gateway`;

  // Close the bot's sockets; 4000 (the default) lets the client resume, 4004 does not.
  app.post<Params>(`${gateway}/close`, (request) => {
    const bot = botOr404(request.params.userId);
    const input = new ControlInput(request.body);
    const code = input.int('code', { default: CloseCode.UnknownError, min: 1000, max: 4999 });
    return { closed: ctx.gateway.disconnect(bot.botUserId, code, input.optionalString('reason')) };
  });

  app.post<Params>(`${gateway}/reconnect`, (request) => ({
    sent: ctx.gateway.requestReconnect(botOr404(request.params.userId).botUserId),
  }));

  app.post<Params>(`${gateway}/invalidate-session`, (request) => {
    const resumable = new ControlInput(request.body).bool('resumable', false);
    return {
      sent: ctx.gateway.invalidateSessions(botOr404(request.params.userId).botUserId, resumable),
    };
  });

  // { "enabled": false } plays a zombie connection: heartbeats go unanswered.
  app.post<Params>(`${gateway}/heartbeat-acks`, (request) => {
    const enabled = new ControlInput(request.body).bool('enabled', false);
    return {
      connections: ctx.gateway.setHeartbeatAcks(botOr404(request.params.userId).botUserId, enabled),
    };
  });

  app.post(`${CONTROL_PREFIX}/faults/http`, (request, reply) => {
    const input = new ControlInput(request.body);
    const status = input.int('status', { min: 400, max: 599 });
    if (status !== 429 && status < 500) throw invalid('status must be 429 or a 5xx');
    const fault = ctx.faults.addHttp(
      { route: input.optionalString('route'), botUserId: input.optionalString('botUserId') },
      status,
      input.int('count', { default: 1, min: 1 }),
      input.int('retryAfterMs', { default: 1000, min: 1 }),
    );
    return reply.code(201).send(fault);
  });

  app.post(`${CONTROL_PREFIX}/faults/latency`, (request, reply) => {
    const input = new ControlInput(request.body);
    const fault = ctx.faults.addLatency(
      { route: input.optionalString('route'), botUserId: input.optionalString('botUserId') },
      input.int('ms', { min: 1, max: 60_000 }),
    );
    return reply.code(201).send(fault);
  });

  app.get(`${CONTROL_PREFIX}/faults`, () => ctx.faults.list());

  app.delete<Params>(`${CONTROL_PREFIX}/faults/:faultId`, (request) => {
    if (!ctx.faults.remove(Number(request.params.faultId)))
      throw notFound('UNKNOWN_FAULT', 'No such fault');
    return { removed: true };
  });

  app.delete(`${CONTROL_PREFIX}/faults`, () => ({ cleared: ctx.faults.clear() }));

  app.get(`${CONTROL_PREFIX}/rate-limits`, () => ctx.limiter.settings);

  // Switch limits on or off, or change a bucket, at run time (e.g. off for one functional test).
  app.put(`${CONTROL_PREFIX}/rate-limits`, (request) => {
    const input = new ControlInput(request.body);
    const settings = ctx.limiter.settings;
    settings.enabled = input.bool('enabled', settings.enabled);
    settings.globalPerSecond = input.int('globalPerSecond', {
      default: settings.globalPerSecond,
      min: 1,
    });
    const buckets = input.raw('buckets');
    if (buckets !== undefined) {
      const given = new ControlInput(buckets);
      for (const name of Object.keys(settings.buckets) as (keyof typeof settings.buckets)[]) {
        if (given.raw(name) === undefined) continue;
        const bucket = given.object(name);
        settings.buckets[name] = {
          limit: bucket.int('limit', { min: 1 }),
          windowMs: bucket.int('windowMs', { min: 1 }),
        };
      }
    }
    ctx.limiter.reset();
    return settings;
  });

  app.get(`${CONTROL_PREFIX}/stats`, () => {
    const sessions = ctx.gateway.describe();
    return {
      http: ctx.stats.snapshot(),
      gateway: {
        connected: sessions.filter((s) => s.connected).length,
        sessions,
        identifiesTooEarly: ctx.gateway.identifyRejections(),
      },
    };
  });
}
