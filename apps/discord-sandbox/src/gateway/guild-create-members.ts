import type { SandboxGuild } from '../domain/entities';
import { Intents } from './intents';

/** What of a session decides the members its GUILD_CREATE carries. */
export interface GuildCreateView {
  intents: number;
  /** IDENTIFY's `large_threshold`, as Discord clamps it. */
  largeThreshold: number;
}

/** Discord's default `large_threshold`, also its floor; 250 is its ceiling. */
export const DEFAULT_LARGE_THRESHOLD = 50;
const MAX_LARGE_THRESHOLD = 250;

/** A REST read of a guild, or a session that never said: Discord's defaults, no presences. */
export const DEFAULT_GUILD_CREATE_VIEW: GuildCreateView = {
  intents: 0,
  largeThreshold: DEFAULT_LARGE_THRESHOLD,
};

export function largeThresholdOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return DEFAULT_LARGE_THRESHOLD;
  return Math.min(MAX_LARGE_THRESHOLD, Math.max(DEFAULT_LARGE_THRESHOLD, value));
}

export function isLarge(guild: SandboxGuild, view: GuildCreateView): boolean {
  return guild.members.size > view.largeThreshold;
}

/**
 * The members Discord puts in a bot's GUILD_CREATE. Without the GUILD_PRESENCES intent: the
 * bot itself (and users in voice channels, which the sandbox has none of). With it: every
 * member of a guild up to `large_threshold`; of a large guild only those online — nobody is
 * online in the sandbox — and the bot. The rest a bot asks for with op 8 if it wants them.
 */
export function guildCreateMemberIds(
  guild: SandboxGuild,
  botUserId: string,
  view: GuildCreateView,
): string[] {
  const presences = (view.intents & Intents.GuildPresences) !== 0;
  if (presences && !isLarge(guild, view)) return [...guild.members.keys()];
  return guild.members.has(botUserId) ? [botUserId] : [];
}
