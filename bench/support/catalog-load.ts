/**
 * Stock load for the catalog benches (`bench:catalog`, and `bench:stock` on top of it): seed
 * products, drive single changes and bulk adjustments through the API, and the raw-SQL anchors
 * that say what the same work costs without HTTP, auth, validation and the audit trail.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { stockStatement } from '@botdeck/catalog';
import { percentile } from './load';

export interface Throughput {
  /** Operations (requests, or adjustments for bulk) that succeeded. */
  done: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /** Per request, in ms. */
  p50: number;
  p99: number;
}

/** `count` products (`bench-<n>`) with `stock` each; returns their ids. */
export async function seedProducts(pg: Pool, count: number, stock: number): Promise<string[]> {
  const { rows } = await pg.query<{ id: string }>(
    `INSERT INTO products (sku, name, price_minor, currency, stock)
     SELECT 'bench-' || n, 'Bench product ' || n, 100 + n, 'EUR', $2
       FROM generate_series(1, $1) AS n
     RETURNING id`,
    [count, stock],
  );
  return rows.map((row) => row.id);
}

/** A keep-alive JSON client for one API, signed in with `token`: `call(path, body?)` POSTs a body, GETs without. */
export function apiClient(baseUrl: string, token: string, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return (path: string, body?: unknown) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const req = request(
        `${baseUrl}${path}`,
        {
          method: body === undefined ? 'GET' : 'POST',
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}

/**
 * `clients` loops, each sending `work()` back to back for `seconds`; `work` resolves to the
 * number of operations it did (0 = failed).
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  work: (client: number) => Promise<number>,
): Promise<Throughput> {
  const latencies: number[] = [];
  let done = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const count = await work(client);
        latencies.push(performance.now() - sent);
        if (count > 0) done += count;
        else failed += 1;
      }
    }),
  );
  return throughput(started, done, failed, latencies);
}

/** The figures of a run that started at `started` (performance.now()). */
function throughput(
  started: number,
  done: number,
  failed: number,
  latencies: number[],
): Throughput {
  const elapsed = (performance.now() - started) / 1000;
  return {
    done,
    failed,
    seconds: elapsed,
    perSecond: done / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const pick = (ids: readonly string[]) => ids[Math.floor(Math.random() * ids.length)];

/** `POST /products/:id/stock` `{ delta: -1 }` on random products, `clients` at once. */
export function apiSingleChanges(
  call: ReturnType<typeof apiClient>,
  ids: readonly string[],
  clients: number,
  seconds: number,
): Promise<Throughput> {
  return closedLoop(clients, seconds, async () => {
    const res = await call(`/api/v1/products/${pick(ids)}/stock`, { delta: -1, reason: 'bench' });
    return res.status === 200 ? 1 : 0;
  });
}

/** What an on-schedule run of single changes did: its throughput and when each product last changed. */
export interface PacedChanges extends Throughput {
  /** performance.now() of the last acknowledged change, per product index. */
  lastChangeAt: number[];
  /** How far the last answer came after the schedule's end, in ms. */
  lagMs: number;
}

/**
 * `total` changes of `{ delta: -1 }` on random products, sent on schedule over `seconds` (as
 * a shop's buyers would, not as fast as possible) from `clients` concurrent keep-alive clients.
 */
export async function pacedSingleChanges(
  call: ReturnType<typeof apiClient>,
  ids: readonly string[],
  options: { total: number; seconds: number; clients: number },
): Promise<PacedChanges> {
  const lastChangeAt = ids.map(() => Number.NaN);
  const latencies: number[] = [];
  const gapMs = (options.seconds * 1000) / options.total;
  let next = 0;
  let done = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      for (let i = next++; i < options.total; i = next++) {
        const wait = started + i * gapMs - performance.now();
        if (wait > 0) await sleep(wait);
        const product = Math.floor(Math.random() * ids.length);
        const sent = performance.now();
        const res = await call(`/api/v1/products/${ids[product]}/stock`, {
          delta: -1,
          reason: 'bench',
        });
        const answered = performance.now();
        latencies.push(answered - sent);
        if (res.status !== 200) failed += 1;
        else {
          done += 1;
          lastChangeAt[product] = Math.max(answered, lastChangeAt[product] || 0);
        }
      }
    }),
  );
  const figures = throughput(started, done, failed, latencies);
  return {
    ...figures,
    lastChangeAt,
    lagMs: Math.max(0, (figures.seconds - options.seconds) * 1000),
  };
}

/** Anchor: the API's cost of any signed-in request, `GET /products/:id`, same concurrency. */
export function apiReads(
  call: ReturnType<typeof apiClient>,
  ids: readonly string[],
  clients: number,
  seconds: number,
): Promise<Throughput> {
  return closedLoop(clients, seconds, async () => {
    const res = await call(`/api/v1/products/${pick(ids)}`);
    return res.status === 200 ? 1 : 0;
  });
}

/** Anchor: the bare row change, one autocommit UPDATE per change, same concurrency. */
export function rawSingleUpdates(
  pg: Pool,
  ids: readonly string[],
  clients: number,
  seconds: number,
): Promise<Throughput> {
  return closedLoop(clients, seconds, async () => {
    const { rowCount } = await pg.query(
      'UPDATE products SET stock = stock - 1, updated_at = now() WHERE id = $1 AND stock >= 1',
      [pick(ids)],
    );
    return rowCount ?? 0;
  });
}

/** Bulk load: `batch` adjustments a request, `clients` requests at once, for `seconds`. */
export interface BulkLoad {
  batch: number;
  clients: number;
  seconds: number;
}

/** `batch` adjustments of -1 over random products, as the API and the ledger take them. */
export function adjustmentBatch(ids: readonly string[], batch: number) {
  return Array.from({ length: batch }, () => ({
    productId: pick(ids),
    delta: -1,
    reason: 'bench',
  }));
}

/** Sends batch after batch with `apply`, which says whether the whole batch went through. */
function bulkLoop(
  ids: readonly string[],
  load: BulkLoad,
  apply: (rows: ReturnType<typeof adjustmentBatch>) => Promise<boolean>,
): Promise<Throughput> {
  return closedLoop(load.clients, load.seconds, async () =>
    (await apply(adjustmentBatch(ids, load.batch))) ? load.batch : 0,
  );
}

/** `POST /bulk/products/stock`. */
export function apiBulkAdjustments(
  call: ReturnType<typeof apiClient>,
  ids: readonly string[],
  load: BulkLoad,
): Promise<Throughput> {
  return bulkLoop(ids, load, async (adjustments) => {
    const res = await call('/api/v1/bulk/products/stock', { reason: 'bench', adjustments });
    return res.status === 200;
  });
}

/** Anchor: Botdeck's stock statement itself, straight over pg (no HTTP, auth or audit). */
export function rawStockStatement(
  pg: Pool,
  ids: readonly string[],
  load: BulkLoad,
): Promise<Throughput> {
  return bulkLoop(ids, load, async (rows) => {
    const { sql, params } = stockStatement(rows, null);
    const result = await pg.query<{ kind: string }>(sql, params);
    return result.rows.every((row) => row.kind === 'changed');
  });
}

/**
 * Anchor: the least set-based SQL that does the same job without the per-step checks: one
 * UPDATE of the net change per product and one INSERT of the ledger rows. It locks the rows in
 * id order first, as the stock statement does: two batches updating in whatever order the plan
 * picks deadlock each other.
 */
export function rawSetBasedSql(
  pg: Pool,
  ids: readonly string[],
  load: BulkLoad,
): Promise<Throughput> {
  return bulkLoop(ids, load, async (rows) => {
    const result = await pg.query(
      `WITH input AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS i(product_id, delta)),
       locked AS (
         SELECT p.id FROM products p WHERE p.id IN (SELECT product_id FROM input)
          ORDER BY p.id FOR UPDATE
       ),
       updated AS (
         UPDATE products p SET stock = p.stock + n.delta, updated_at = now()
           FROM (SELECT product_id, sum(delta) AS delta FROM input GROUP BY product_id) n
           JOIN locked l ON l.id = n.product_id
          WHERE p.id = n.product_id
         RETURNING p.id
       )
       INSERT INTO stock_movements (product_id, delta, quantity, reason)
       SELECT product_id, delta, NULL, 'bench' FROM input`,
      [rows.map((row) => row.productId), rows.map((row) => row.delta)],
    );
    return result.rowCount === rows.length;
  });
}
