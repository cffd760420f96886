import { GatewayIntentBits } from 'discord-api-types/v10';
import { guildCreatePayload } from '../discord/payloads';
import { applySeed } from '../domain/seed';
import { SandboxStore } from '../domain/sandbox-store';
import { largeThresholdOf } from './guild-create-members';

describe('GUILD_CREATE members', () => {
  const world = (members: number) => {
    const store = new SandboxStore();
    applySeed(store, {
      bots: [{ username: 'bot' }],
      guilds: [
        { name: 'one', bots: ['bot'], members },
        { name: 'two', bots: ['bot'], members },
      ],
    });
    const [one, two] = [...store.guilds.values()];
    const botUserId = [...store.applications.values()][0].botUserId;
    return { store, one, two, botUserId };
  };
  const memberIds = (payload: Record<string, unknown>) =>
    (payload.members as { user: { id: string } }[]).map((member) => member.user.id);

  it('seeds members from one pool of users shared by every guild', () => {
    const { store, one, two } = world(1000);
    expect(one.members.size).toBe(1001);
    expect([...two.members.keys()]).toEqual([...one.members.keys()]);
    expect(store.users.size).toBe(1001);
  });

  it('sends a bot without GUILD_PRESENCES only its own member, and marks large guilds', () => {
    const { store, one, botUserId } = world(1000);
    const payload = guildCreatePayload(store, one, botUserId, {
      intents: GatewayIntentBits.Guilds,
      largeThreshold: 250,
    });
    expect(memberIds(payload)).toEqual([botUserId]);
    expect(payload).toMatchObject({ large: true, member_count: 1001 });
  });

  it('sends every member of a small guild, with GUILD_PRESENCES, up to large_threshold', () => {
    const presences = GatewayIntentBits.Guilds | GatewayIntentBits.GuildPresences;
    const small = world(40);
    const payload = guildCreatePayload(small.store, small.one, small.botUserId, {
      intents: presences,
      largeThreshold: 50,
    });
    expect(memberIds(payload)).toHaveLength(41);
    expect(payload.large).toBe(false);
    const large = world(100);
    const largePayload = guildCreatePayload(large.store, large.one, large.botUserId, {
      intents: presences,
      largeThreshold: 50,
    });
    expect(memberIds(largePayload)).toEqual([large.botUserId]);
    expect(largePayload.large).toBe(true);
  });

  it('clamps large_threshold as Discord does', () => {
    expect(largeThresholdOf(undefined)).toBe(50);
    expect(largeThresholdOf(10)).toBe(50);
    expect(largeThresholdOf(120)).toBe(120);
    expect(largeThresholdOf(1000)).toBe(250);
  });
});
