import { readFileSync } from 'node:fs';
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
  }[];
}

export function readSeedFile(path: string): SandboxSeed {
  return JSON.parse(readFileSync(path, 'utf8')) as SandboxSeed;
}

export function applySeed(store: SandboxStore, seed: SandboxSeed): void {
  for (const bot of seed.bots ?? []) {
    store.createBot({
      username: bot.username,
      token: bot.token,
      applicationId: bot.applicationId,
      userId: bot.userId,
      privilegedIntents: bot.privilegedIntents === false ? 0 : ALL_PRIVILEGED_INTENTS,
    });
  }
  for (const input of seed.guilds ?? []) {
    const guild = store.createGuild(input.name, input.id);
    for (const channel of input.channels ?? []) {
      if (typeof channel === 'string') store.createChannel(guild.id, channel);
      else store.createChannel(guild.id, channel.name, channel.id);
    }
    for (const ref of input.bots ?? []) {
      const app = [...store.applications.values()].find(
        (a) => a.botUserId === ref || a.name === ref,
      );
      if (!app) throw new Error(`Seed guild "${input.name}" names unknown bot "${ref}"`);
      store.addMember(guild.id, app.botUserId);
    }
  }
}
