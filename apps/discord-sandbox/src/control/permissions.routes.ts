import type { FastifyInstance } from 'fastify';
import { apiChannel, apiMember, apiRole } from '../discord/payloads';
import type { SandboxChannel, SandboxGuild } from '../domain/entities';
import { isSnowflake } from '../domain/snowflake';
import { Intents } from '../gateway/intents';
import {
  ALL_PERMISSIONS,
  apiOverwrite,
  channelPermissions,
  OverwriteType,
} from '../permissions/permissions';
import type { SandboxContext } from '../sandbox-context';
import { CONTROL_PREFIX, ControlInput, invalid, notFound } from './control-input';

type Params = { Params: Record<string, string> };

/**
 * Control API: what a server admin does with permissions — roles, a member's roles, and a
 * channel's permission overwrites — each announced to the guild's bots as Discord announces
 * it, so discord.js caches and `permissionsFor()` stay true.
 */
export function registerPermissionRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const guildOr404 = (id: string): SandboxGuild => {
    const guild = ctx.store.guilds.get(id);
    if (!guild) throw notFound('UNKNOWN_GUILD', `No guild ${id}`);
    return guild;
  };
  const channelOr404 = (id: string): SandboxChannel => {
    const channel = ctx.store.channels.get(id);
    if (!channel) throw notFound('UNKNOWN_CHANNEL', `No channel ${id}`);
    return channel;
  };
  const memberOr404 = (guild: SandboxGuild, userId: string): void => {
    if (!guild.members.has(userId)) throw notFound('UNKNOWN_MEMBER', `No member ${userId}`);
  };
  const roleOr404 = (guild: SandboxGuild, roleId: string): void => {
    if (roleId !== guild.id && !guild.roles.has(roleId))
      throw notFound('UNKNOWN_ROLE', `No role ${roleId}`);
  };
  const toBots = (guild: SandboxGuild, event: string, data: object, intent: number): void => {
    for (const userId of guild.members.keys()) {
      if (ctx.store.users.get(userId)?.bot)
        ctx.gateway.dispatch(userId, event, data, { guildId: guild.id, intent });
    }
  };
  const channelUpdated = (channel: SandboxChannel) =>
    toBots(guildOr404(channel.guildId), 'CHANNEL_UPDATE', apiChannel(channel), Intents.Guilds);

  app.post<Params>(`${CONTROL_PREFIX}/guilds/:guildId/roles`, (request, reply) => {
    const guild = guildOr404(request.params.guildId);
    const input = new ControlInput(request.body);
    const role = ctx.store.createRole(
      guild.id,
      input.string('name'),
      bitfield(input, 'permissions'),
    );
    toBots(guild, 'GUILD_ROLE_CREATE', { guild_id: guild.id, role: apiRole(role) }, Intents.Guilds);
    return reply.code(201).send({ id: role.id });
  });

  // Give or take a role from a member (a bot or a played user): GUILD_MEMBER_UPDATE.
  const setMemberRole = (params: Record<string, string>, held: boolean) => {
    const guild = guildOr404(params.guildId);
    memberOr404(guild, params.userId);
    if (!guild.roles.has(params.roleId)) throw notFound('UNKNOWN_ROLE', `No role ${params.roleId}`);
    const roles = guild.memberRoles.get(params.userId) ?? new Set<string>();
    if (held) roles.add(params.roleId);
    else roles.delete(params.roleId);
    guild.memberRoles.set(params.userId, roles);
    const user = ctx.store.users.get(params.userId)!;
    toBots(
      guild,
      'GUILD_MEMBER_UPDATE',
      { guild_id: guild.id, ...apiMember(guild, user) },
      Intents.GuildMembers,
    );
    return { roles: [...roles] };
  };
  const memberRole = `${CONTROL_PREFIX}/guilds/:guildId/members/:userId/roles/:roleId`;
  app.put<Params>(memberRole, (request) => setMemberRole(request.params, true));
  app.delete<Params>(memberRole, (request) => setMemberRole(request.params, false));

  // Discord's own shape: PUT /channels/{id}/permissions/{overwrite_id} { type, allow, deny }.
  const overwrite = `${CONTROL_PREFIX}/channels/:channelId/permissions/:overwriteId`;
  app.put<Params>(overwrite, (request) => {
    const channel = channelOr404(request.params.channelId);
    const guild = guildOr404(channel.guildId);
    const id = request.params.overwriteId;
    if (!isSnowflake(id)) throw invalid('overwriteId must be a snowflake');
    const input = new ControlInput(request.body);
    const type = input.int('type', { min: OverwriteType.Role, max: OverwriteType.Member }) as 0 | 1;
    if (type === OverwriteType.Role) roleOr404(guild, id);
    else memberOr404(guild, id);
    const entry = { id, type, allow: bitfield(input, 'allow'), deny: bitfield(input, 'deny') };
    channel.overwrites.set(id, entry);
    channelUpdated(channel);
    return apiOverwrite(entry);
  });

  app.delete<Params>(overwrite, (request) => {
    const channel = channelOr404(request.params.channelId);
    const removed = channel.overwrites.delete(request.params.overwriteId);
    if (removed) channelUpdated(channel);
    return { removed };
  });

  // What a member may do in a channel, computed as Discord computes it.
  app.get<Params>(`${CONTROL_PREFIX}/channels/:channelId/permissions/:userId`, (request) => {
    const channel = channelOr404(request.params.channelId);
    const guild = guildOr404(channel.guildId);
    memberOr404(guild, request.params.userId);
    return { permissions: channelPermissions(guild, channel, request.params.userId).toString() };
  });
}

/** A permission bitfield given as Discord sends one (a decimal string) or a plain integer. */
function bitfield(input: ControlInput, name: string): bigint {
  const raw = input.raw(name) ?? '0';
  const valid =
    (typeof raw === 'string' && /^\d{1,20}$/.test(raw)) ||
    (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0);
  if (!valid) throw invalid(`${name} must be a permission bitfield (a decimal string)`);
  const value = BigInt(raw);
  if ((value & ~ALL_PERMISSIONS) !== 0n) throw invalid(`${name} holds unknown permission bits`);
  return value;
}
