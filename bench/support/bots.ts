import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { parseTokenKeys, TokenCipher } from '@botdeck/bot-config';

/** The token-sealing key every bench's API and workers use (a throwaway, not a secret). */
export const BENCH_TOKEN_KEYS = `bench-1:${Buffer.alloc(32, 9).toString('base64')}`;

/** Stores bots through Botdeck's own sealing, as the API would; returns their Botdeck ids. */
export async function registerBots(
  pg: Pick<Pool, 'query'>,
  tokenKeys: string,
  bots: readonly { name: string; token: string }[],
): Promise<string[]> {
  const cipher = new TokenCipher(parseTokenKeys(tokenKeys));
  const ids: string[] = [];
  for (const bot of bots) {
    const id = randomUUID();
    const sealed = cipher.seal(bot.token, id);
    await pg.query(
      `INSERT INTO bots (id, name, token_key_id, token_sealed, token_last4)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, bot.name, sealed.keyId, sealed.sealed, bot.token.slice(-4)],
    );
    ids.push(id);
  }
  return ids;
}
