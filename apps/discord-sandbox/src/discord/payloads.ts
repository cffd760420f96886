import { ApiUser, SandboxChannel, SandboxGuild, SandboxUser } from '../domain/entities';
import { SandboxStore } from '../domain/sandbox-store';
import {
  DEFAULT_GUILD_CREATE_VIEW,
  guildCreateMemberIds,
  type GuildCreateView,
  isLarge,
} from '../gateway/guild-create-members';

/**
 * Wire shapes for what the sandbox holds. Fields are those discord.js reads (plus the usual
 * neighbours Discord always sends), so its structures patch without surprises.
 */

/** Every permission bit Discord defines: sandbox bots act as administrators. */
export const ALL_PERMISSIONS = ((1n << 51n) - 1n).toString();

export function apiUser(user: SandboxUser): ApiUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
  };
}

export function apiChannel(channel: SandboxChannel): Record<string, unknown> {
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    parent_id: null,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function apiMember(guild: SandboxGuild, user: SandboxUser): Record<string, unknown> {
  return {
    user: apiUser(user),
    nick: null,
    avatar: null,
    roles: [],
    joined_at: guild.members.get(user.id) ?? new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    permissions: ALL_PERMISSIONS,
  };
}

function everyoneRole(guild: SandboxGuild): Record<string, unknown> {
  return {
    id: guild.id,
    name: '@everyone',
    color: 0,
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: ALL_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

/**
 * The guild as sent in GUILD_CREATE: the full guild plus the state lists a bot caches, its
 * members as Discord picks them for the receiving session (`view`).
 */
export function guildCreatePayload(
  store: SandboxStore,
  guild: SandboxGuild,
  botUserId: string,
  view: GuildCreateView = DEFAULT_GUILD_CREATE_VIEW,
): Record<string, unknown> {
  const members = guildCreateMemberIds(guild, botUserId, view)
    .map((id) => store.users.get(id))
    .filter((user): user is SandboxUser => user !== undefined)
    .map((user) => apiMember(guild, user));
  const channels = guild.channelIds
    .map((id) => store.channels.get(id))
    .filter((c): c is SandboxChannel => c !== undefined)
    .map(apiChannel);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [everyoneRole(guild)],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channelIds[0] ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    stickers: [],
    joined_at: guild.members.get(botUserId) ?? new Date().toISOString(),
    large: isLarge(guild, view),
    unavailable: false,
    member_count: guild.members.size,
    members,
    channels,
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
