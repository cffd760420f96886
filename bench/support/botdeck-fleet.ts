/**
 * What the benches that drive Botdeck through its API share: the environment of the API and
 * its workers (a throwaway database and Redis prefix, the sandbox as Discord, a bench admin),
 * sandbox bots written straight into the bots table, and signing in.
 */
import type { Client as Pg } from 'pg';
import type { RunningSandbox } from '@botdeck/discord-sandbox';
import type { INestApplication } from '@nestjs/common';
import type { WorkerProcess } from '../../test/support/worker-process';
import { BENCH_TOKEN_KEYS, registerBots } from './bots';
import type { Throwaway } from './throwaway';

const ADMIN = { email: 'bench@botdeck.local', password: 'bench-password-0123456789' };

/** The environment the API (in the bench's process) and its worker processes share. */
export function benchEnv(stores: Throwaway, sandbox: RunningSandbox): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: stores.databaseUrl,
    DATABASE_RUN_MIGRATIONS: 'false',
    REDIS_KEY_PREFIX: stores.prefix,
    DISCORD_API_URL: sandbox.baseUrl,
    BOT_TOKEN_KEYS: BENCH_TOKEN_KEYS,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
}

/**
 * Creates `count` sandbox bots named `<prefix>-<n>` in the guild and their Botdeck rows (token
 * sealed as the API would), faster than the API's create; answers the Botdeck ids in order.
 */
export async function insertSandboxBots(
  pg: Pg,
  sandbox: RunningSandbox,
  options: { guildId: string; count: number; prefix: string },
): Promise<string[]> {
  const bots: { name: string; token: string }[] = [];
  for (let i = 0; i < options.count; i++) {
    const name = `${options.prefix}-${i}`;
    const created = await sandbox.control.createBot(name);
    await sandbox.control.addBotToGuild(options.guildId, created.userId);
    bots.push({ name, token: created.token });
  }
  return registerBots(pg, BENCH_TOKEN_KEYS, bots);
}

/** Signs the bench admin in; answers the headers for its requests. */
export async function signIn(apiUrl: string): Promise<Record<string, string>> {
  const login = await fetch(`${apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
}

/** Kills the workers and closes everything else a bench started, throwaway stores last. */
export async function tearDown(parts: {
  workers: WorkerProcess[];
  api: INestApplication;
  pg: Pg;
  sandbox: RunningSandbox;
  stores: Throwaway;
}): Promise<void> {
  for (const worker of parts.workers) worker.kill('SIGKILL');
  await Promise.all(parts.workers.map((worker) => worker.exited));
  await parts.api.close();
  await parts.pg.end();
  await parts.sandbox.stop();
  await parts.stores.drop();
}
