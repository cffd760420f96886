import type { FastifyInstance } from 'fastify';
import { DiscordErrors } from '../discord/discord-error';
import { apiUser } from '../discord/payloads';
import { botOf, discordRoute } from '../http/discord-route';
import type { SandboxContext } from '../sandbox-context';

/** Who the bot is, and where its gateway is. */
export function registerIdentityRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  discordRoute(app, 'GET', '/gateway/bot', { auth: 'bot' }, (request) => {
    const bot = botOf(request);
    return {
      url: gatewayUrl(ctx, request.headers.host),
      shards: 1,
      session_start_limit: ctx.gateway.sessionStartLimit(bot.botUserId),
    };
  });

  // Unauthenticated on Discord too.
  app.get('/api/v10/gateway', (request) => ({ url: gatewayUrl(ctx, request.headers.host) }));

  discordRoute(app, 'GET', '/users/@me', { auth: 'bot' }, (request) => {
    const user = ctx.store.users.get(botOf(request).botUserId)!;
    return { ...apiUser(user), verified: true, mfa_enabled: false, flags: 0, locale: 'en-US' };
  });

  discordRoute(app, 'GET', '/users/:userId', { auth: 'bot' }, (request) => {
    const user = ctx.store.users.get(request.params.userId);
    if (!user) throw DiscordErrors.unknownUser();
    return apiUser(user);
  });

  const application = (request: Parameters<typeof botOf>[0]) => {
    const bot = botOf(request);
    const user = ctx.store.users.get(bot.botUserId)!;
    return {
      id: bot.id,
      name: bot.name,
      icon: null,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      bot: apiUser(user),
      owner: apiUser(user),
      verify_key: '0'.repeat(64),
      team: null,
      flags: 0,
      approximate_guild_count: ctx.store.guildsOf(bot.botUserId).length,
      install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
    };
  };
  discordRoute(app, 'GET', '/applications/@me', { auth: 'bot' }, application);
  discordRoute(app, 'GET', '/oauth2/applications/@me', { auth: 'bot' }, application);
}

function gatewayUrl(ctx: SandboxContext, host: string | undefined): string {
  return host ? `ws://${host}/gateway` : `${ctx.baseUrl().replace(/^http/, 'ws')}/gateway`;
}
