import type { FastifyInstance } from 'fastify';
import { DiscordErrors } from '../discord/discord-error';
import { apiChannel, guildCreatePayload } from '../discord/payloads';
import { isSnowflake } from '../domain/snowflake';
import { botOf, discordRoute } from '../http/discord-route';
import { Permissions } from '../permissions/permissions';
import type { SandboxContext } from '../sandbox-context';

/** Channels and their messages, as a bot sees them. */
export function registerChannelRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const channelFor = (request: { params: Record<string, string> } & Parameters<typeof botOf>[0]) =>
    ctx.messages.accessibleChannel(request.params.channelId, botOf(request).botUserId);

  discordRoute(app, 'GET', '/channels/:channelId', { auth: 'bot', major: 'channelId' }, (request) =>
    apiChannel(channelFor(request)),
  );

  discordRoute(
    app,
    'GET',
    '/channels/:channelId/messages',
    { auth: 'bot', major: 'channelId' },
    (request) => {
      const channel = channelFor(request);
      const { limit, before, after } = request.query;
      const parsedLimit = limit === undefined ? undefined : Number(limit);
      if (
        parsedLimit !== undefined &&
        (!Number.isInteger(parsedLimit) || parsedLimit < 1 || parsedLimit > 100)
      ) {
        throw DiscordErrors.invalidFormBody({
          limit: {
            _errors: [
              { code: 'NUMBER_TYPE_MAX', message: 'Int value should be between 1 and 100.' },
            ],
          },
        });
      }
      return ctx.messages.list(channel, {
        limit: parsedLimit,
        before: isSnowflake(before) ? before : undefined,
        after: isSnowflake(after) ? after : undefined,
      });
    },
  );

  discordRoute(
    app,
    'GET',
    '/channels/:channelId/messages/:messageId',
    { auth: 'bot', major: 'channelId' },
    (request) => ctx.messages.messageIn(channelFor(request), request.params.messageId),
  );

  discordRoute(
    app,
    'POST',
    '/channels/:channelId/messages',
    { auth: 'bot', bucket: 'messageCreate', major: 'channelId' },
    (request) => {
      const channel = channelFor(request);
      const author = ctx.store.users.get(botOf(request).botUserId)!;
      return ctx.messages.send(channel, author, request.body);
    },
  );

  discordRoute(
    app,
    'PATCH',
    '/channels/:channelId/messages/:messageId',
    { auth: 'bot', bucket: 'messageEdit', major: 'channelId' },
    (request) => {
      const channel = channelFor(request);
      const message = ctx.messages.messageIn(channel, request.params.messageId);
      if (message.author.id !== botOf(request).botUserId) throw DiscordErrors.cannotEditOthers();
      const edited = ctx.messages.edit(channel, message, request.body);
      ctx.stats.recordEdit(channel.id, message.id);
      return edited;
    },
  );

  discordRoute(
    app,
    'DELETE',
    '/channels/:channelId/messages/:messageId',
    { auth: 'bot', bucket: 'messageDelete', major: 'channelId' },
    (request, reply) => {
      const channel = channelFor(request);
      const message = ctx.messages.messageIn(channel, request.params.messageId);
      const botUserId = botOf(request).botUserId;
      // Anyone may delete their own message; someone else's takes Manage Messages.
      if (message.author.id !== botUserId)
        ctx.messages.requirePermission(channel, botUserId, Permissions.ManageMessages);
      ctx.messages.delete(channel, message);
      return reply.code(204).send();
    },
  );

  discordRoute(app, 'GET', '/guilds/:guildId', { auth: 'bot', major: 'guildId' }, (request) => {
    const guild = ctx.store.guilds.get(request.params.guildId);
    if (!guild) throw DiscordErrors.unknownGuild();
    if (!guild.members.has(botOf(request).botUserId)) throw DiscordErrors.missingAccess();
    const {
      channels: _channels,
      members: _members,
      ...rest
    } = guildCreatePayload(ctx.store, guild, botOf(request).botUserId);
    return rest;
  });

  discordRoute(
    app,
    'GET',
    '/guilds/:guildId/channels',
    { auth: 'bot', major: 'guildId' },
    (request) => {
      const guild = ctx.store.guilds.get(request.params.guildId);
      if (!guild) throw DiscordErrors.unknownGuild();
      if (!guild.members.has(botOf(request).botUserId)) throw DiscordErrors.missingAccess();
      return guild.channelIds.map((id) => apiChannel(ctx.store.channels.get(id)!));
    },
  );
}
