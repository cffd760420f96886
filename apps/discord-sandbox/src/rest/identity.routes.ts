import type { FastifyInstance } from 'fastify';
import { DiscordErrors } from '../discord/discord-error';
import { apiUser } from '../discord/payloads';
import { botOf, discordRoute } from '../http/discord-route';
import type { SandboxApplication } from '../domain/entities';
import type { SandboxContext } from '../sandbox-context';

/** Who the bot is, and where its gateway is. */
export function registerIdentityRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  discordRoute(app, 'GET', '/gateway/bot', { auth: 'bot' }, (request) => {
    const bot = botOf(request);
    return {
      url: gatewayUrl(ctx, request.headers.host),
      shards: ctx.gateway.recommendedShards(bot.botUserId),
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
      verify_key: bot.verifyKey,
      interactions_endpoint_url: bot.interactionsEndpointUrl,
      team: null,
      flags: 0,
      approximate_guild_count: ctx.store.guildsOf(bot.botUserId).length,
      install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
    };
  };
  discordRoute(app, 'GET', '/applications/@me', { auth: 'bot' }, application);
  // Of the editable fields only the Interactions Endpoint URL is kept. Discord saves it only
  // after the URL proves it checks signatures; null or "" goes back to the gateway.
  discordRoute(app, 'PATCH', '/applications/@me', { auth: 'bot' }, async (request) => {
    const bot = botOf(request);
    const body = (request.body ?? {}) as { interactions_endpoint_url?: unknown };
    const url = body.interactions_endpoint_url;
    if (url === null || url === '') {
      bot.interactionsEndpointUrl = null;
    } else if (url !== undefined) {
      const refused = await endpointRefusal(ctx, bot, url);
      if (refused) {
        throw DiscordErrors.invalidFormBody({
          interactions_endpoint_url: [
            {
              code: 'APPLICATION_INTERACTIONS_ENDPOINT_URL_INVALID',
              message: `The specified interactions endpoint url could not be verified: ${refused}`,
            },
          ],
        });
      }
      bot.interactionsEndpointUrl = url as string;
    }
    return application(request);
  });
  discordRoute(app, 'GET', '/oauth2/applications/@me', { auth: 'bot' }, application);
}

async function endpointRefusal(
  ctx: SandboxContext,
  bot: SandboxApplication,
  url: unknown,
): Promise<string | null> {
  if (typeof url !== 'string' || url.length > 2048) return 'not a URL';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not an http(s) URL';
  return ctx.interactions.endpoint.verify(bot, url);
}

function gatewayUrl(ctx: SandboxContext, host: string | undefined): string {
  return host ? `ws://${host}/gateway` : `${ctx.baseUrl().replace(/^http/, 'ws')}/gateway`;
}
