import { ConfigError, EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export interface TokenKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * `BOT_TOKEN_KEYS` is a comma-separated list of `id:base64-of-32-bytes`, oldest first; the last
 * one encrypts new tokens, the others only decrypt until `keys:rotate` has re-encrypted them.
 */
export function parseTokenKeys(raw: string, variable = 'BOT_TOKEN_KEYS'): TokenKey[] {
  const keys = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const separator = entry.indexOf(':');
      const id = entry.slice(0, separator);
      const encoded = entry.slice(separator + 1);
      if (separator < 1 || !KEY_ID.test(id)) {
        throw new ConfigError(variable, 'entries must look like <id>:<base64 key>');
      }
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== 32) {
        throw new ConfigError(variable, `key "${id}" must be 32 bytes, base64-encoded`);
      }
      return { id, key };
    });
  if (keys.length === 0) throw new ConfigError(variable, 'must name at least one key');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) {
    throw new ConfigError(variable, 'key ids must be unique');
  }
  return keys;
}

export const botConfigConfig = registerAs('botConfig', () => {
  const env = new EnvReader();
  return {
    tokenKeys: parseTokenKeys(env.string('BOT_TOKEN_KEYS')),
    /** Discord's base URL (or the sandbox's); every Discord client gets `${url}/api`. */
    discordApiUrl: env
      .url('DISCORD_API_URL', { default: 'https://discord.com', protocols: ['http', 'https'] })
      .replace(/\/+$/, ''),
    /**
     * Deleting a running bot first asks its worker to stop it and waits this long for the
     * `stopped` status; after that the row goes anyway and the worker stops the orphan itself.
     */
    deleteStopWaitMs: env.int('BOT_DELETE_STOP_WAIT_MS', { default: 5_000, min: 0, max: 60_000 }),
  };
});

export type BotConfigConfig = ReturnType<typeof botConfigConfig>;
