import { ChannelType, type Client, PermissionFlagsBits } from 'discord.js';

const TEXT_TYPES: ReadonlySet<ChannelType> = new Set([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
]);

/**
 * Every text channel of the bot's guilds it can see and send to, from its client's cache (the
 * guilds and channels the gateway gave it, overwrites included).
 */
export function sendableTextChannels(client: Client): string[] {
  const ids: string[] = [];
  for (const guild of client.guilds.cache.values()) {
    const me = guild.members.me;
    for (const channel of guild.channels.cache.values()) {
      if (!TEXT_TYPES.has(channel.type)) continue;
      const permissions = me ? channel.permissionsFor(me) : null;
      const allowed =
        !permissions ||
        permissions.has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages]);
      if (allowed) ids.push(channel.id);
    }
  }
  return ids;
}
