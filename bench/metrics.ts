/**
 * What monitoring costs, each figure beside an anchor measured in the same run:
 *
 * 1. the command windows (`count`, error rate, p95 over the last 1/5/15 minutes) as Botdeck
 *    asks PostgreSQL for them, beside a bare `count(*)` over the same 15 minutes (the least any
 *    figure of that range costs), with BENCH_RECENT commands in the last 15 minutes on top of
 *    BENCH_HISTORY over the day before;
 * 2. `GET /api/v1/monitoring/metrics` and the Prometheus scrape `GET /metrics`, with
 *    BENCH_BOTS bots (a third online with leases held in Redis), beside
 *    `GET /api/v1/monitoring/health` (a request that also asks PostgreSQL and Redis).
 *
 * The API runs in this process on a throwaway database and Redis prefix, removed at the end.
 * Tunables: BENCH_RECENT (100000), BENCH_HISTORY (400000), BENCH_BOTS (2000), BENCH_ROUNDS (60).
 *
 * Run: npm run bench:metrics
 */
import { ACTIVITY_WINDOWS, CommandActivity } from '@botdeck/commands';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { createApiApp } from '../apps/api/src/bootstrap';
import { BENCH_TOKEN_KEYS } from './support/bots';
import { runBench, throwawayStores } from './support/throwaway';

const RECENT = Number(process.env.BENCH_RECENT ?? 100_000);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 400_000);
const BOTS = Number(process.env.BENCH_BOTS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const ADMIN = { email: 'bench@botdeck.local', password: 'bench-password-0123456789' };
const METRICS_TOKEN = 'bench-metrics-token-0123456789';

interface Timing {
  p50: number;
  p99: number;
}

async function timed(rounds: number, work: () => Promise<unknown>): Promise<Timing> {
  await work(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

const show = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms`;
const times = (a: Timing, b: Timing) => `${(a.p50 / b.p50).toFixed(2)}× at p50`;

async function seed(pg: Pool, redis: Redis, prefix: string): Promise<void> {
  await pg.query(
    `INSERT INTO command_logs (interaction_id, bot_id, user_id, command, status, error_code,
                               duration_ms, created_at, finished_at)
     SELECT (10000000000000000 + n)::text, '00000000-0000-4000-8000-000000000001', '42',
            CASE WHEN n % 3 = 0 THEN 'ping' ELSE 'shop' END,
            CASE WHEN n % 50 = 0 THEN 'error' ELSE 'success' END,
            CASE WHEN n % 50 = 0 THEN 'COMMAND_FAILED' END,
            ((n::bigint * 7919) % 400)::int,
            now() - make_interval(secs => CASE WHEN n <= $1::int THEN (n::float8 / $1::int) * 899
                                               ELSE 900 + ((n - $1::int)::float8 / $2::int) * 85000 END),
            now()
       FROM generate_series(1, $1::int + $2::int) AS n`,
    [RECENT, HISTORY],
  );
  const { rows } = await pg.query<{ id: string; online: boolean }>(
    `WITH made AS (
       INSERT INTO bots (id, name, token_key_id, token_sealed, token_last4)
       SELECT gen_random_uuid(), 'bench-' || n, 'bench-1', '\\x00', 'abcd'
         FROM generate_series(1, $1::int) AS n
       RETURNING id
     )
     INSERT INTO bot_runtime_states (bot_id, desired_state, status, worker_id)
     SELECT id, 'running', CASE WHEN row_number() OVER () % 3 = 0 THEN 'online' ELSE 'error' END,
            'bench-worker'
       FROM made
     RETURNING bot_id AS id, status = 'online' AS online`,
    [BOTS],
  );
  const leases = redis.pipeline();
  for (const row of rows) {
    if (row.online) leases.set(`${prefix}lease:bot:${row.id}`, 'bench-worker', 'PX', 600_000);
  }
  await leases.exec();
  await pg.query('ANALYZE command_logs; ANALYZE bots; ANALYZE bot_runtime_states');
}

async function main(): Promise<void> {
  const stores = await throwawayStores('metrics');
  Object.assign(process.env, {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: stores.databaseUrl,
    DATABASE_RUN_MIGRATIONS: 'false',
    REDIS_KEY_PREFIX: stores.prefix,
    BOT_TOKEN_KEYS: BENCH_TOKEN_KEYS,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    METRICS_TOKEN,
  });
  const pg = new Pool({ connectionString: stores.databaseUrl, max: 2 });
  const redis = new Redis(stores.redisUrl);
  const api = await createApiApp();
  try {
    const seeding = performance.now();
    await seed(pg, redis, stores.prefix);
    console.log(
      `metrics bench: ${RECENT} commands in the last 15 min, ${HISTORY} before; ${BOTS} bots; ` +
        `${ROUNDS} sequential rounds per figure (seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`,
    );
    await api.listen(0, '127.0.0.1');
    const url = await api.getUrl();
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const get =
      (path: string, token = accessToken) =>
      async () => {
        const res = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      };

    const activity = api.get(CommandActivity);
    const figures = await activity.recentWindows();
    const windows = await timed(ROUNDS, () => activity.recentWindows());
    const bare = await timed(ROUNDS, () =>
      pg.query(
        `SELECT count(*) FROM command_logs WHERE created_at >= now() - interval '15 minutes'`,
      ),
    );
    console.log(`command windows (${ACTIVITY_WINDOWS.join('/')} min)`);
    console.log(`  Botdeck's one statement        ${show(windows)}`);
    console.log(`  bare count(*) over 15 min      ${show(bare)}`);
    console.log(`  → ${times(windows, bare)}; counts ${figures.map((w) => w.count).join('/')}`);
    const plan = await pg.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT count(*), percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)
         FROM command_logs
        WHERE created_at >= now() - interval '15 minutes' AND status <> 'started'`,
    );
    const scan = plan.rows.map((row) => row['QUERY PLAN'].trim()).find((line) => /Scan/.test(line));
    console.log(`  the range is read by: ${scan?.replace(/\s+\(cost.*$/, '')}`);

    const health = await timed(ROUNDS, get('/api/v1/monitoring/health'));
    const json = await timed(ROUNDS, get('/api/v1/monitoring/metrics'));
    const prometheus = await timed(ROUNDS, get('/metrics', METRICS_TOKEN));
    console.log('API, sequential requests');
    console.log(`  GET /api/v1/monitoring/metrics ${show(json)}`);
    console.log(`  GET /metrics (Prometheus)      ${show(prometheus)}`);
    console.log(`  GET /api/v1/monitoring/health  ${show(health)}`);
    console.log(
      `  → JSON metrics ${times(json, health)} and a scrape ${times(prometheus, health)} ` +
        'of a health check',
    );
  } finally {
    await api.close();
    redis.disconnect();
    await pg.end();
    await stores.drop();
  }
}

runBench(main);
