import type { SandboxChannel, SandboxGuild } from '../domain/entities';
import {
  ALL_PERMISSIONS,
  channelPermissions,
  EVERYONE_PERMISSIONS,
  Permissions,
} from './permissions';

const { ViewChannel, SendMessages, Administrator } = Permissions;

function world(): { guild: SandboxGuild; channel: SandboxChannel } {
  const guild: SandboxGuild = {
    id: 'g',
    name: 'g',
    ownerId: 'owner',
    channelIds: ['c'],
    members: new Map([
      ['bot', ''],
      ['owner', ''],
    ]),
    everyonePermissions: EVERYONE_PERMISSIONS,
    roles: new Map([
      ['admin', { id: 'admin', name: 'a', permissions: Administrator, position: 1 }],
    ]),
    memberRoles: new Map(),
  };
  const channel: SandboxChannel = {
    id: 'c',
    guildId: 'g',
    name: 'c',
    type: 0,
    position: 0,
    lastMessageId: null,
    overwrites: new Map(),
  };
  return { guild, channel };
}

describe('channelPermissions', () => {
  it('applies @everyone, then roles together, then the member', () => {
    const { guild, channel } = world();
    guild.roles.set('r1', { id: 'r1', name: 'r1', permissions: 0n, position: 2 });
    guild.memberRoles.set('bot', new Set(['r1']));
    channel.overwrites.set('g', { id: 'g', type: 0, allow: 0n, deny: ViewChannel | SendMessages });
    expect(channelPermissions(guild, channel, 'bot') & ViewChannel).toBe(0n);
    channel.overwrites.set('r1', {
      id: 'r1',
      type: 0,
      allow: ViewChannel | SendMessages,
      deny: 0n,
    });
    expect(channelPermissions(guild, channel, 'bot') & (ViewChannel | SendMessages)).toBe(
      ViewChannel | SendMessages,
    );
    channel.overwrites.set('bot', { id: 'bot', type: 1, allow: 0n, deny: SendMessages });
    expect(channelPermissions(guild, channel, 'bot') & SendMessages).toBe(0n);
  });

  it('lets administrators and the owner through every overwrite', () => {
    const { guild, channel } = world();
    channel.overwrites.set('g', { id: 'g', type: 0, allow: 0n, deny: ViewChannel });
    expect(channelPermissions(guild, channel, 'owner')).toBe(ALL_PERMISSIONS);
    guild.memberRoles.set('bot', new Set(['admin']));
    expect(channelPermissions(guild, channel, 'bot')).toBe(ALL_PERMISSIONS);
  });
});
