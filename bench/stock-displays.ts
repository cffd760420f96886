/**
 * Live stock displays under a stream of stock changes, end to end: 50 displays over 10 bots in
 * 20 channels (the sandbox with Discord's rate limits), 20 000 single stock changes over 20 s
 * through `POST /api/v1/products/:id/stock` from concurrent clients, spread over the products
 * the displays show. Figures, each beside an anchor measured in the same run:
 *
 * 1. edits per display (the sandbox's per-message edit count) and the busiest bot+channel
 *    bucket, beside bare discord.js clients sending the same edits to messages of their own in
 *    the same channels, all queued at once, so paced by the bucket alone: the bucket bound;
 * 2. time from a display's last change (the last acknowledged change of a product it shows) to
 *    the sandbox holding its final stock for every product (p50, p99; target ≤ one bucket
 *    window + 1 s), read from the stored message text, not from Botdeck's renderer;
 * 3. 429s answered to Botdeck's bots (target 0) and messages posted during the run (0: edits
 *    only, never a duplicate);
 * 4. stock throughput with the displays live: single changes and bulk adjustments through the
 *    API beside the raw SQL of bench:catalog (target ≥ 20 000 adjustments/s in bulk).
 *
 * Layout: display d belongs to bot d mod 10 in channel d mod 20 (so each bot has 2 channels,
 * with 3 or 2 displays sharing its bucket there) and shows 2 of 10 categories of 10 products.
 * The sandbox runs here; the API and the workers are real child processes. The database and
 * Redis prefix are throwaway ones, removed at the end. Tunables: BENCH_CHANGES (20000),
 * BENCH_SECONDS (20), BENCH_CLIENTS (32), BENCH_WORKERS (2), BENCH_THROUGHPUT_SECONDS (8),
 * BENCH_BATCH (10000), BENCH_BULK_CLIENTS (2); STOCK_DISPLAY_* pass through to the workers.
 *
 * Run: npm run bench:stock
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { startSandbox, type SandboxStatsResponse } from '@botdeck/discord-sandbox';
import { spawnApi, type ApiProcess } from '../test/support/api-process';
import { spawnWorker, type WorkerProcess } from '../test/support/worker-process';
import { BENCH_TOKEN_KEYS, registerBots } from './support/bots';
import {
  apiBulkAdjustments,
  apiClient,
  apiSingleChanges,
  pacedSingleChanges,
  rawSingleUpdates,
  rawStockStatement,
  type Throughput,
} from './support/catalog-load';
import {
  allShowFinal,
  bareRest,
  replayEdits,
  waitUntilFinal,
  type WatchedDisplay,
} from './support/display-watch';
import { percentile } from './support/load';
import { runBench, throwawayStores } from './support/throwaway';

const DISPLAYS = 50;
const BOTS = 10;
const CHANNELS = 20;
const CATEGORIES = 10;
const PER_CATEGORY = 10;
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 8);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const BULK_CLIENTS = Number(process.env.BENCH_BULK_CLIENTS ?? 2);
const WINDOW_MS = Number(process.env.STOCK_DISPLAY_BUCKET_WINDOW_MS ?? 5_000);
const BUCKET_LIMIT = Number(process.env.STOCK_DISPLAY_BUCKET_LIMIT ?? 5);
const ADMIN = { email: 'bench@botdeck.local', password: 'bench-password-0123456789' };
const POST_MESSAGE = 'POST /channels/:channelId/messages';

const categoriesOf = (d: number) => [`cat-${d % CATEGORIES}`, `cat-${(d + 3) % CATEGORIES}`];
const rate = (t: Throughput, unit: string) =>
  `${t.perSecond.toFixed(0)} ${unit}/s (${t.done} in ${t.seconds.toFixed(1)} s, ` +
  `${t.failed} failed; per request p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms)`;
const ratio = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** 429s and channel posts answered to `bots` so far. */
function countFor(stats: SandboxStatsResponse, bots: ReadonlySet<string>) {
  const rows = stats.http.routes.filter((row) => bots.has(row.botUserId));
  return {
    rateLimited: rows.reduce((sum, row) => sum + row.rateLimited, 0),
    posts: rows.filter((row) => row.route === POST_MESSAGE).reduce((n, row) => n + row.requests, 0),
  };
}

const editsOf = (stats: SandboxStatsResponse) =>
  new Map(stats.http.messageEdits.map((row) => [row.messageId, row.edits]));

async function main(): Promise<void> {
  const stores = await throwawayStores('stock');
  const sandbox = await startSandbox();
  const control = sandbox.control;
  const pg = new Pool({ connectionString: stores.databaseUrl, max: CLIENTS });
  const env: Record<string, string> = {
    // As deployed: JSON logs (development pretty-prints every request line in the API).
    NODE_ENV: 'production',
    DATABASE_URL: stores.databaseUrl,
    DATABASE_RUN_MIGRATIONS: 'false',
    REDIS_URL: stores.redisUrl,
    REDIS_KEY_PREFIX: stores.prefix,
    DISCORD_API_URL: sandbox.baseUrl,
    BOT_TOKEN_KEYS: BENCH_TOKEN_KEYS,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(STOCK_DISPLAY|BOT|DATABASE_POOL)_/.test(key) && value !== undefined) env[key] = value;
  }
  let api: ApiProcess | undefined;
  const workers: WorkerProcess[] = [];
  try {
    // The world: one guild, 20 channels, 10 Botdeck bots and 10 bare ones for the anchor.
    const guildId = await control.createGuild('Bench Shop');
    const channels: string[] = [];
    for (let c = 0; c < CHANNELS; c++) channels.push(await control.createChannel(guildId, `s${c}`));
    const created = [];
    for (let b = 0; b < 2 * BOTS; b++) {
      const bot = await control.createBot(`shop-${b}`);
      await control.addBotToGuild(guildId, bot.userId);
      created.push(bot);
    }
    const shopBots = created.slice(0, BOTS);
    const bareBots = created.slice(BOTS);
    const botIds = await registerBots(
      pg,
      BENCH_TOKEN_KEYS,
      shopBots.map((bot, b) => ({ name: `shop-${b}`, token: bot.token })),
    );
    const shopUsers = new Set(shopBots.map((bot) => bot.userId));
    const bareUsers = new Set(bareBots.map((bot) => bot.userId));

    api = await spawnApi(env);
    for (let w = 0; w < WORKERS; w++) workers.push(await spawnWorker(env));
    const login = await fetch(`${api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const call = apiClient(api.url, accessToken, Math.max(CLIENTS, BULK_CLIENTS));
    const expect = async <T>(status: number, path: string, body?: unknown): Promise<T> => {
      const res = await call(path, body);
      if (res.status !== status) throw new Error(`${path}: ${res.status} ${res.body}`);
      return JSON.parse(res.body) as T;
    };

    await expect(202, '/api/v1/bulk/bots/start', { botIds });
    for (let online = 0; online < BOTS; await sleep(200)) {
      const { rows } = await pg.query<{ n: string }>(
        `SELECT count(*) AS n FROM bot_runtime_states WHERE status = 'online'`,
      );
      online = Number(rows[0].n);
    }
    const products = Array.from({ length: CATEGORIES * PER_CATEGORY }, (_, i) => ({
      sku: `bench-${i}`,
      name: `Item c${i % CATEGORIES}n${Math.floor(i / CATEGORIES)}`,
      category: `cat-${i % CATEGORIES}`,
      priceMinor: 100 + i,
      currency: 'EUR',
      stock: 1_000_000,
    }));
    await expect(200, '/api/v1/bulk/products', { products });
    const { rows: productRows } = await pg.query<{ id: string; name: string; category: string }>(
      `SELECT id, name, category FROM products ORDER BY sku`,
    );
    const ids = productRows.map((row) => row.id);

    const displayIds: string[] = [];
    for (let d = 0; d < DISPLAYS; d++) {
      const display = await expect<{ id: string }>(201, '/api/v1/stock-displays', {
        botId: botIds[d % BOTS],
        guildId,
        channelId: channels[d % CHANNELS],
        title: `Shop ${d}`,
        categories: categoriesOf(d),
      });
      displayIds.push(display.id);
    }
    const displays: WatchedDisplay[] = [];
    for (const [d, id] of displayIds.entries()) {
      for (;;) {
        const row = await expect<{ status: string; messageIds: string[]; channelId: string }>(
          200,
          `/api/v1/stock-displays/${id}`,
        );
        if (row.status === 'live') {
          const shows = new Set(categoriesOf(d));
          displays.push({
            id,
            channelId: row.channelId,
            messageIds: row.messageIds,
            products: productRows.filter((p) => shows.has(p.category)).map((p) => p.name),
          });
          break;
        }
        await sleep(200);
      }
    }
    // The anchor's own messages: one per display, same channel, posted by a bare client.
    const rests = bareBots.map((bot) => bareRest(sandbox.apiUrl, bot.token));
    const anchorMessages = await Promise.all(
      displays.map(async (display, d) => {
        const rest = rests[d % BOTS];
        const [shown] = await control
          .channelMessages(display.channelId)
          .then((all) => all.filter((message) => message.id === display.messageIds[0]));
        const body = { embeds: shown.embeds, allowed_mentions: { parse: [] } };
        const posted = (await rest.post(`/channels/${display.channelId}/messages`, {
          body,
        })) as { id: string };
        return { rest, channelId: display.channelId, messageId: posted.id, body };
      }),
    );
    // Let every bucket refill before the run.
    await sleep(WINDOW_MS + 500);

    const before = await control.stats();
    const changes = await pacedSingleChanges(call, ids, {
      total: CHANGES,
      seconds: SECONDS,
      clients: CLIENTS,
    });
    const changesEndedAt = performance.now();
    const { rows: finalRows } = await pg.query<{ name: string; stock: number }>(
      `SELECT name, stock FROM products`,
    );
    const final = new Map(finalRows.map((row) => [row.name, row.stock]));
    const seen = await waitUntilFinal(control, displays, final);
    const lastFinalAt = Math.max(...[...seen.values()].filter((at) => !Number.isNaN(at)));
    await sleep(WINDOW_MS);
    const stillFinal = await allShowFinal(control, displays, final);
    const after = await control.stats();

    const nameIndex = new Map(productRows.map((row, i) => [row.name, i]));
    const latencies = displays.map((display) => {
      const lastChange = Math.max(
        ...display.products.map((name) => changes.lastChangeAt[nameIndex.get(name)!] || 0),
      );
      return seen.get(display.id)! - lastChange;
    });
    const editsBefore = editsOf(before);
    const editsAfter = editsOf(after);
    const edits = displays.map((display) =>
      display.messageIds.reduce(
        (sum, id) => sum + (editsAfter.get(id) ?? 0) - (editsBefore.get(id) ?? 0),
        0,
      ),
    );
    const perBucket = new Map<string, number>();
    displays.forEach((display, d) => {
      const key = `${d % BOTS}:${display.channelId}`;
      perBucket.set(key, (perBucket.get(key) ?? 0) + edits[d]);
    });
    const busiest = Math.max(...perBucket.values());
    const spanMs = lastFinalAt - (changesEndedAt - changes.seconds * 1000);
    const boundPerBucket = BUCKET_LIMIT * Math.ceil(spanMs / (WINDOW_MS + 250));
    const shop = { before: countFor(before, shopUsers), after: countFor(after, shopUsers) };

    // Anchor: the same edits, message for message, from bare clients at the bucket bound.
    const replayMs = await replayEdits(anchorMessages, edits);
    const bare = countFor(await control.stats(), bareUsers);

    console.log(
      `stock displays: ${DISPLAYS} displays, ${BOTS} bots, ${CHANNELS} channels, ` +
        `${ids.length} products; ${WORKERS} workers; bucket ${BUCKET_LIMIT} per ${WINDOW_MS} ms`,
    );
    console.log(`changes: ${CHANGES} single POST /products/:id/stock over ${SECONDS} s`);
    console.log(`  API  ${rate(changes, 'changes')}, ${changes.lagMs.toFixed(0)} ms behind`);
    console.log(`display edits (sandbox count per message)`);
    console.log(
      `  per display: mean ${(edits.reduce((a, b) => a + b, 0) / DISPLAYS).toFixed(1)}, ` +
        `min ${Math.min(...edits)}, max ${Math.max(...edits)} (${edits.reduce((a, b) => a + b, 0)} in all)`,
    );
    console.log(
      `  busiest bot+channel bucket: ${busiest} edits in ${s(spanMs)} from the first change ` +
        `to the last display final (bucket bound ≤ ${boundPerBucket})`,
    );
    console.log(
      `  anchor, bare discord.js sending the same ${edits.reduce((a, b) => a + b, 0)} edits at once: ` +
        `${s(replayMs)} at the bucket bound, ${bare.rateLimited} × 429 → Botdeck spread them ` +
        `over ${ratio(spanMs, replayMs)} of the time the bound needs`,
    );
    const valid = latencies.filter((ms) => !Number.isNaN(ms));
    console.log(`final state (every product of a display, from its last change)`);
    console.log(
      `  p50 ${s(percentile(valid, 50))}, p99 ${s(percentile(valid, 99))}, max ${s(Math.max(...valid))}; ` +
        `${valid.length}/${DISPLAYS} final, ${stillFinal ? 'all' : 'NOT all'} still final ` +
        `${s(WINDOW_MS)} later; all final ${s(lastFinalAt - changesEndedAt)} after the last change ` +
        `(target ≤ ${s(WINDOW_MS + 1_000)})`,
    );
    console.log(
      `  429s to Botdeck's bots: ${shop.after.rateLimited - shop.before.rateLimited} during the run, ` +
        `${shop.after.rateLimited} in all (target 0); messages posted during the run: ` +
        `${shop.after.posts - shop.before.posts}`,
    );

    const rawSingle = await rawSingleUpdates(pg, ids, CLIENTS, THROUGHPUT_SECONDS);
    const apiSingle = await apiSingleChanges(call, ids, CLIENTS, THROUGHPUT_SECONDS);
    const bulk = { batch: BATCH, clients: BULK_CLIENTS, seconds: THROUGHPUT_SECONDS };
    const rawBulk = await rawStockStatement(pg, ids, bulk);
    const apiBulk = await apiBulkAdjustments(call, ids, bulk);
    console.log(`stock throughput with the displays live, as fast as the clients go`);
    console.log(`  API  POST /products/:id/stock   ${rate(apiSingle, 'changes')}`);
    console.log(`  raw  UPDATE … stock - 1         ${rate(rawSingle, 'changes')}`);
    console.log(`  → ${ratio(apiSingle.perSecond, rawSingle.perSecond)} of the bare row change`);
    console.log(`  API  POST /bulk/products/stock  ${rate(apiBulk, 'adjustments')}`);
    console.log(`  raw  the stock statement        ${rate(rawBulk, 'adjustments')}`);
    console.log(
      `  → ${ratio(apiBulk.perSecond, rawBulk.perSecond)} of its statement; target ≥ 20000 adjustments/s`,
    );
    await sleep(2 * WINDOW_MS);
    const end = countFor(await control.stats(), shopUsers);
    console.log(`  429s to Botdeck's bots over the whole bench: ${end.rateLimited}`);
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await api?.stop();
    await pg.end();
    await sandbox.stop();
    await stores.drop();
  }
}

runBench(main);
