import type { FastifyInstance } from 'fastify';
import { apiChannel, apiUser } from '../discord/payloads';
import { ALL_PRIVILEGED_INTENTS } from '../domain/sandbox-store';
import { isSnowflake } from '../domain/snowflake';
import { Intents } from '../gateway/intents';
import type { SandboxContext } from '../sandbox-context';
import { ControlError } from './control-error';
import {
  channelOr404,
  CONTROL_PREFIX,
  ControlInput,
  guildOr404,
  invalid,
  notFound,
} from './control-input';

type Params = { Params: Record<string, string> };

/** Control API: the world the bots live in — bots, guilds, channels and what users say. */
export function registerWorldRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post(`${CONTROL_PREFIX}/bots`, (request, reply) => {
    const input = new ControlInput(request.body);
    const bot = ctx.store.createBot({
      username: input.string('username'),
      privilegedIntents: input.bool('privilegedIntents', true) ? ALL_PRIVILEGED_INTENTS : 0,
    });
    return reply.code(201).send({ token: bot.token, applicationId: bot.id, userId: bot.botUserId });
  });

  app.get(`${CONTROL_PREFIX}/bots`, () =>
    [...ctx.store.applications.values()].map((bot) => ({
      applicationId: bot.id,
      userId: bot.botUserId,
      username: bot.name,
      connected: ctx.gateway.hasSession(bot.botUserId),
      guildIds: ctx.store.guildsOf(bot.botUserId).map((guild) => guild.id),
    })),
  );

  app.post(`${CONTROL_PREFIX}/guilds`, (request, reply) => {
    const input = new ControlInput(request.body);
    const id = input.optionalString('id');
    if (id !== undefined && !isSnowflake(id)) throw invalid('id must be a snowflake');
    if (id !== undefined && ctx.store.guilds.has(id))
      throw new ControlError(409, 'GUILD_EXISTS', `Guild ${id} already exists`);
    const guild = ctx.store.createGuild(input.string('name'), id);
    return reply.code(201).send({ id: guild.id });
  });

  app.get(`${CONTROL_PREFIX}/guilds`, () =>
    [...ctx.store.guilds.values()].map((guild) => ({
      id: guild.id,
      name: guild.name,
      channels: guild.channelIds.map((id) => ({ id, name: ctx.store.channels.get(id)?.name })),
      memberIds: [...guild.members.keys()],
    })),
  );

  app.post<Params>(`${CONTROL_PREFIX}/guilds/:guildId/channels`, (request, reply) => {
    const guild = guildOr404(ctx.store, request.params.guildId);
    const channel = ctx.store.createChannel(
      guild.id,
      new ControlInput(request.body).string('name'),
    );
    // Bots already in the guild learn of the channel as Discord would tell them.
    for (const userId of guild.members.keys()) {
      if (ctx.store.users.get(userId)?.bot) {
        ctx.gateway.dispatch(userId, 'CHANNEL_CREATE', apiChannel(channel), {
          guildId: guild.id,
          intent: Intents.Guilds,
        });
      }
    }
    return reply.code(201).send({ id: channel.id });
  });

  app.post<Params>(`${CONTROL_PREFIX}/guilds/:guildId/bots`, (request) => {
    const guild = guildOr404(ctx.store, request.params.guildId);
    const userId = new ControlInput(request.body).string('userId');
    if (!ctx.store.appByBotUser(userId)) throw notFound('UNKNOWN_BOT', `No bot user ${userId}`);
    const added = ctx.store.addMember(guild.id, userId);
    const announced = added ? ctx.gateway.announceGuild(userId, guild.id) : 0;
    return { added, announced };
  });

  // A played user posts in a channel; bots with GuildMessages get MESSAGE_CREATE.
  app.post<Params>(`${CONTROL_PREFIX}/channels/:channelId/messages`, (request, reply) => {
    const channel = channelOr404(ctx.store, request.params.channelId);
    const input = new ControlInput(request.body);
    const who = input.object('user');
    const user = ctx.store.upsertUser(who.string('id'), who.string('username'));
    ctx.store.addMember(channel.guildId, user.id);
    const message = ctx.messages.create(channel, user, { content: input.string('content') });
    return reply.code(201).send(message);
  });

  // A moderator (a person, not a bot) deletes a message: gone, and MESSAGE_DELETE to the bots.
  app.delete<Params>(`${CONTROL_PREFIX}/channels/:channelId/messages/:messageId`, (request) => {
    const channel = channelOr404(ctx.store, request.params.channelId);
    const message = ctx.store.message(request.params.messageId);
    if (!message || message.channel_id !== channel.id)
      throw notFound('UNKNOWN_MESSAGE', `No message ${request.params.messageId} in that channel`);
    ctx.messages.delete(channel, message);
    return { deleted: true };
  });

  app.get<Params>(`${CONTROL_PREFIX}/channels/:channelId/messages`, (request) => {
    return ctx.store.messagesIn(channelOr404(ctx.store, request.params.channelId).id);
  });

  app.get<Params>(`${CONTROL_PREFIX}/users/:userId`, (request) => {
    const user = ctx.store.users.get(request.params.userId);
    if (!user) throw notFound('UNKNOWN_USER', `No user ${request.params.userId}`);
    return apiUser(user);
  });

  // What a bot registered: global commands and per-guild ones, as Discord stores them.
  app.get<Params>(`${CONTROL_PREFIX}/applications/:applicationId/commands`, (request) => {
    const { applicationId } = request.params;
    if (!ctx.store.applications.has(applicationId)) {
      throw notFound('UNKNOWN_APPLICATION', `No application ${applicationId}`);
    }
    const guilds: Record<string, unknown[]> = {};
    for (const guild of ctx.store.guilds.values()) {
      const commands = ctx.store.commandsOf(applicationId, guild.id);
      if (commands.length > 0) guilds[guild.id] = commands;
    }
    return { global: ctx.store.commandsOf(applicationId), guilds };
  });

  app.post(`${CONTROL_PREFIX}/reset`, () => {
    ctx.reset();
    return { ok: true };
  });

  app.get(`${CONTROL_PREFIX}/health`, () => ({ ok: true }));
}
