import type { FastifyInstance } from 'fastify';
import { discordRoute, DiscordRouteConfig } from '../http/discord-route';
import type { SandboxContext } from '../sandbox-context';

/** Interaction callbacks and the interaction webhook (original response and follow-ups). */
export function registerInteractionRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const callbackRoute: DiscordRouteConfig = {
    auth: 'token',
    globalExempt: true,
    // One bucket per interaction: a busy bot answering many users is never held back here.
    major: 'interactionId',
    appFrom: (c, params) => {
      const record = c.interactions.get(params.interactionId);
      return record ? c.interactions.applicationOf(record) : undefined;
    },
  };
  const webhookRoute: DiscordRouteConfig = {
    auth: 'token',
    globalExempt: true,
    major: 'token',
    appFrom: (c, params) => c.store.applications.get(params.applicationId),
  };

  discordRoute(
    app,
    'POST',
    '/interactions/:interactionId/:token/callback',
    callbackRoute,
    (request, reply) => {
      const withResponse = request.query.with_response === 'true';
      const result = ctx.interactions.callback(
        request.params.interactionId,
        request.params.token,
        request.body,
        withResponse,
      );
      return result === undefined ? reply.code(204).send() : reply.code(200).send(result);
    },
  );

  const base = '/webhooks/:applicationId/:token';
  discordRoute(app, 'POST', base, webhookRoute, (request, reply) => {
    const message = ctx.webhooks.followUp(
      request.params.applicationId,
      request.params.token,
      request.body,
    );
    return request.query.wait === 'true' ? message : reply.code(204).send();
  });

  discordRoute(
    app,
    'GET',
    `${base}/messages/:messageId`,
    webhookRoute,
    (request) =>
      ctx.webhooks.message(
        request.params.applicationId,
        request.params.token,
        request.params.messageId,
      ).message,
  );

  discordRoute(app, 'PATCH', `${base}/messages/:messageId`, webhookRoute, (request) =>
    ctx.webhooks.edit(
      request.params.applicationId,
      request.params.token,
      request.params.messageId,
      request.body,
    ),
  );

  discordRoute(app, 'DELETE', `${base}/messages/:messageId`, webhookRoute, (request, reply) => {
    ctx.webhooks.delete(
      request.params.applicationId,
      request.params.token,
      request.params.messageId,
    );
    return reply.code(204).send();
  });
}
