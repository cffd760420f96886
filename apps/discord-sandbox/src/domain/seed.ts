import { readFileSync } from 'node:fs';
import type { SandboxApplication, SandboxGuild } from './entities';
import { ALL_PRIVILEGED_INTENTS, SandboxStore } from './sandbox-store';

/**
 * A starting world, from code or a JSON file (`SANDBOX_SEED_FILE`). Fixed ids and tokens keep
 * a standalone sandbox's credentials stable across restarts.
 */
export interface SandboxSeed {
  bots?: {
    username: string;
    token?: string;
    applicationId?: string;
    userId?: string;
    /** Privileged intents on (default) or off, for testing close code 4014. */
    privilegedIntents?: boolean;
  }[];
  guilds?: {
    id?: string;
    name: string;
    channels?: (string | { id?: string; name: string })[];
    /** Bots in the guild, by username or user id. */
    bots?: string[];
    /**
     * This many human members besides the bots. They come from one pool of users shared by
     * every guild of the seed (`member-0`, `member-1`, …), as the same people sit in many
     * servers, so a large world costs one user object per person, not per membership.
     */
    members?: number;
  }[];
}

export function readSeedFile(path: string): SandboxSeed {
  return JSON.parse(readFileSync(path, 'utf8')) as SandboxSeed;
}

export function applySeed(store: SandboxStore, seed: SandboxSeed): void {
  const bots = new Map<string, SandboxApplication>();
  for (const bot of seed.bots ?? []) {
    store.createBot({
      username: bot.username,
      token: bot.token,
      applicationId: bot.applicationId,
      userId: bot.userId,
      privilegedIntents: bot.privilegedIntents === false ? 0 : ALL_PRIVILEGED_INTENTS,
    });
  }
  for (const app of store.applications.values()) {
    bots.set(app.botUserId, app);
    if (!bots.has(app.name)) bots.set(app.name, app);
  }
  const people: string[] = [];
  // One timestamp for the whole seed: a membership then costs a map entry, not a string.
  const joinedAt = new Date().toISOString();
  for (const input of seed.guilds ?? []) {
    const guild = store.createGuild(input.name, input.id);
    for (const channel of input.channels ?? []) {
      if (typeof channel === 'string') store.createChannel(guild.id, channel);
      else store.createChannel(guild.id, channel.name, channel.id);
    }
    for (const ref of input.bots ?? []) {
      const app = bots.get(ref);
      if (!app) throw new Error(`Seed guild "${input.name}" names unknown bot "${ref}"`);
      store.addMember(guild.id, app.botUserId);
    }
    addPeople(store, guild, people, input.members ?? 0, joinedAt);
  }
}

/** Seats the first `count` people of the shared pool in `guild`, growing the pool as needed. */
function addPeople(
  store: SandboxStore,
  guild: SandboxGuild,
  pool: string[],
  count: number,
  joinedAt: string,
): void {
  while (pool.length < count) {
    pool.push(store.upsertUser(store.ids.next(), `member-${pool.length}`).id);
  }
  for (let i = 0; i < count; i++) {
    if (!guild.members.has(pool[i])) guild.members.set(pool[i], joinedAt);
  }
}
