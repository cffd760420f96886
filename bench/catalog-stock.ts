/**
 * Stock changes through the API, each figure beside an anchor measured in the same run on the
 * same tables:
 *
 * 1. single changes: `POST /api/v1/products/:id/stock` `{ delta: -1 }` from CLIENTS concurrent
 *    keep-alive clients over PRODUCTS products, beside `GET /api/v1/products/:id` (what any
 *    signed-in request costs the API) and one autocommit `UPDATE … stock - 1` per change (the
 *    bare row change), both at the same concurrency;
 * 2. bulk adjustments: `POST /api/v1/bulk/products/stock` with BATCH adjustments a request from
 *    BULK_CLIENTS clients, beside Botdeck's stock statement sent straight over pg and beside the
 *    plainest set-based SQL (net UPDATE per product + INSERT of the ledger rows, no checks).
 *
 * The API runs in this process (as production builds it) on a throwaway database and Redis
 * prefix, removed at the end. Tunables: BENCH_PRODUCTS (1000), BENCH_CLIENTS (16),
 * BENCH_SECONDS (8), BENCH_BATCH (10000), BENCH_BULK_CLIENTS (2), and DATABASE_POOL_SIZE.
 *
 * Run: npm run bench:catalog
 */
import { Pool } from 'pg';
import { createApiApp } from '../apps/api/src/bootstrap';
import {
  apiBulkAdjustments,
  apiSingleChanges,
  apiClient,
  apiReads,
  rawSetBasedSql,
  rawSingleUpdates,
  rawStockStatement,
  seedProducts,
  type Throughput,
} from './support/catalog-load';
import { runBench, throwawayStores } from './support/throwaway';
import { BENCH_TOKEN_KEYS } from './support/bots';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 1_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const BULK_CLIENTS = Number(process.env.BENCH_BULK_CLIENTS ?? 2);
const ADMIN = { email: 'bench@botdeck.local', password: 'bench-password-0123456789' };

const rate = (t: Throughput, unit: string) =>
  `${t.perSecond.toFixed(0)} ${unit}/s (${t.done} in ${t.seconds.toFixed(1)} s, ` +
  `${t.failed} failed; per request p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms)`;
const ratio = (a: Throughput, b: Throughput) =>
  `${((a.perSecond / b.perSecond) * 100).toFixed(0)}%`;

async function main(): Promise<void> {
  const stores = await throwawayStores('catalog');
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
  });
  const pg = new Pool({ connectionString: stores.databaseUrl, max: CLIENTS });
  const api = await createApiApp();
  try {
    await api.listen(0, '127.0.0.1');
    const url = await api.getUrl();
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const call = apiClient(url, accessToken, Math.max(CLIENTS, BULK_CLIENTS));
    // Enough stock that no -1 in this run is refused.
    const ids = await seedProducts(pg, PRODUCTS, 100_000_000);
    const pool = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    console.log(
      `catalog stock bench: ${PRODUCTS} products, ${SECONDS} s per figure, API pool ${pool} connections`,
    );

    const rawSingle = await rawSingleUpdates(pg, ids, CLIENTS, SECONDS);
    const reads = await apiReads(call, ids, CLIENTS, SECONDS);
    const apiSingle = await apiSingleChanges(call, ids, CLIENTS, SECONDS);
    console.log(`single changes, ${CLIENTS} concurrent clients`);
    console.log(`  API  POST /products/:id/stock  ${rate(apiSingle, 'changes')}`);
    console.log(`  API  GET /products/:id         ${rate(reads, 'reads')}`);
    console.log(`  raw  UPDATE … stock - 1        ${rate(rawSingle, 'changes')}`);
    console.log(
      `  → a change costs the API ${ratio(apiSingle, reads)} of a read's rate; ` +
        `${ratio(apiSingle, rawSingle)} of the bare row change`,
    );

    const bulk = { batch: BATCH, clients: BULK_CLIENTS, seconds: SECONDS };
    const rawPlain = await rawSetBasedSql(pg, ids, bulk);
    const rawStatement = await rawStockStatement(pg, ids, bulk);
    const apiBulk = await apiBulkAdjustments(call, ids, bulk);
    console.log(`bulk adjustments, ${BATCH} a request, ${BULK_CLIENTS} concurrent clients`);
    console.log(`  API  POST /bulk/products/stock  ${rate(apiBulk, 'adjustments')}`);
    console.log(`  raw  the stock statement        ${rate(rawStatement, 'adjustments')}`);
    console.log(`  raw  net UPDATE + INSERT         ${rate(rawPlain, 'adjustments')}`);
    console.log(
      `  → API at ${ratio(apiBulk, rawStatement)} of its statement, ` +
        `${ratio(apiBulk, rawPlain)} of the unchecked SQL; target ≥ 20000 adjustments/s`,
    );
    const { rows } = await pg.query<{ n: string }>('SELECT count(*) AS n FROM stock_movements');
    console.log(`  ledger rows written in the run: ${rows[0].n}`);
  } finally {
    await api.close();
    await pg.end();
    await stores.drop();
  }
}

runBench(main);
