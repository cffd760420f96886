/**
 * Bulk messaging at Discord's rate-limit bound: 1 000 messages over 50 channels through 10
 * bots, sent as 20 announcements of 50 targets (channel c is served by bot c mod 10, so each
 * channel gets 20 messages from one bot), through two worker processes, with the sandbox
 * enforcing Discord's limits (5 message creates per 5 s per channel bucket, 50 requests/s per
 * bot). Prints the wall time from the first request to the last operation completed, the bound
 * those limits allow for these targets, the ratio, and the 429s the sandbox answered.
 * The API runs in this process; database and Redis prefix are throwaway ones.
 *
 * Run: npm run bench:bulk-messages
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client as Pg } from 'pg';
import { DISCORD_RATE_LIMITS, startSandbox } from '@botdeck/discord-sandbox';
import { createApiApp } from '../apps/api/src/bootstrap';
import { spawnWorker, type WorkerProcess } from '../test/support/worker-process';
import { benchEnv, insertSandboxBots, signIn, tearDown } from './support/botdeck-fleet';
import { runBench, throwawayStores } from './support/throwaway';

const BOTS = 10;
const CHANNELS = 50;
const MESSAGES = 1_000;
const WORKERS = 2;
const TIMEOUT_MS = 300_000;

interface Operation {
  status: string;
  totals: { total: number; pending: number; succeeded: number; failed: number };
}

/**
 * The shortest time the limits allow: each (bot, channel) bucket sends `limit` per window, so
 * n messages need ceil(n / limit) - 1 full windows after the first burst; likewise each bot's
 * global limit. The slowest bucket or bot sets the bound.
 */
function boundMs(targets: Array<{ bot: number; channel: number }>): number {
  const perBucket = new Map<string, number>();
  const perBot = new Map<number, number>();
  for (const { bot, channel } of targets) {
    perBucket.set(`${bot}/${channel}`, (perBucket.get(`${bot}/${channel}`) ?? 0) + 1);
    perBot.set(bot, (perBot.get(bot) ?? 0) + 1);
  }
  const bucket = DISCORD_RATE_LIMITS.buckets.messageCreate;
  const windows = (n: number, limit: number) => Math.ceil(n / limit) - 1;
  return Math.max(
    ...[...perBucket.values()].map((n) => windows(n, bucket.limit) * bucket.windowMs),
    ...[...perBot.values()].map((n) => windows(n, DISCORD_RATE_LIMITS.globalPerSecond) * 1000),
  );
}

async function main(): Promise<void> {
  const stores = await throwawayStores('messages');
  const sandbox = await startSandbox({ rateLimits: true });
  const pg = new Pg({ connectionString: stores.databaseUrl });
  await pg.connect();
  const workers: WorkerProcess[] = [];
  const env = benchEnv(stores, sandbox);
  Object.assign(process.env, env);
  const api = await createApiApp();
  try {
    await api.listen(0, '127.0.0.1');
    const url = `${await api.getUrl()}/api/v1`;
    const guildId = await sandbox.control.createGuild('Bench Guild');
    const channels: string[] = [];
    for (let c = 0; c < CHANNELS; c++) {
      channels.push(await sandbox.control.createChannel(guildId, `news-${c}`));
    }
    const botIds = await insertSandboxBots(pg, sandbox, {
      guildId,
      count: BOTS,
      prefix: 'announcer',
    });
    for (let w = 0; w < WORKERS; w++) workers.push(await spawnWorker(env));

    const auth = await signIn(url);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(body),
      });
      if (res.status !== 202) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { operationId: string }).operationId;
    };
    const operation = async (id: string) =>
      (await (
        await fetch(`${url}/bulk/operations/${id}?limit=1`, { headers: auth })
      ).json()) as Operation;

    const start = await post('/bulk/bots/start', { botIds });
    while ((await operation(start)).status !== 'completed') await sleep(200);

    const targets = Array.from({ length: CHANNELS }, (_, channel) => ({
      bot: channel % BOTS,
      channel,
    }));
    const waves = MESSAGES / targets.length;
    const before = (await sandbox.control.stats()).http.totals.rateLimited;
    const started = performance.now();
    const ids: string[] = [];
    for (let n = 0; n < waves; n++) {
      ids.push(
        await post('/bulk/messages', {
          content: `announcement ${n}`,
          targets: targets.map(({ bot, channel }) => ({
            botId: botIds[bot],
            channelId: channels[channel],
          })),
        }),
      );
    }
    const postedMs = performance.now() - started;
    // Follow one operation at a time (the oldest unfinished), so polling costs the API little.
    const startedAt = Date.now() - (performance.now() - started);
    for (const id of ids) {
      while ((await operation(id)).totals.pending > 0 && performance.now() - started < TIMEOUT_MS) {
        await sleep(50);
      }
    }
    const wallMs = performance.now() - started;
    const results = await Promise.all(ids.map(operation));
    const limited = (await sandbox.control.stats()).http.totals.rateLimited - before;
    const held = await Promise.all(channels.map((id) => sandbox.control.channelMessages(id)));
    const succeeded = results.reduce((sum, result) => sum + result.totals.succeeded, 0);
    const failed = results.reduce((sum, result) => sum + result.totals.failed, 0);
    const bound = boundMs(Array.from({ length: waves }, () => targets).flat());

    console.log(
      `bulk messages: ${MESSAGES} messages over ${CHANNELS} channels through ${BOTS} bots, ` +
        `${WORKERS} workers, sandbox rate limits on (5 per 5 s per channel, 50/s per bot)`,
    );
    console.log(
      `  ${waves} operations of ${targets.length} targets posted in ${postedMs.toFixed(0)} ms`,
    );
    console.log(
      `  ${succeeded} succeeded, ${failed} failed; the channels hold ` +
        `${held.reduce((sum, messages) => sum + messages.length, 0)} messages`,
    );
    const lastSent = Math.max(...held.flat().map((message) => Date.parse(message.timestamp)));
    console.log(
      `  wall time  ${(wallMs / 1000).toFixed(2)} s (last message created at ` +
        `${((lastSent - startedAt) / 1000).toFixed(2)} s)`,
    );
    console.log(`  bound      ${(bound / 1000).toFixed(2)} s (from the limits in force)`);
    console.log(`  ratio      ${(wallMs / bound).toFixed(3)}× (target ≤ 1.1×)`);
    console.log(`  429s       ${limited} (target 0)`);
  } finally {
    await tearDown({ workers, api, pg, sandbox, stores });
  }
}

runBench(main);
