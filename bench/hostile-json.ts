/**
 * What deeply nested JSON costs the API. Sends 100 bodies nested 100 000 levels deep (about
 * 600 KB each, under the body limit) to POST /auth/refresh at once, and measures how long
 * until all are answered and how long a health request made in the middle of them takes.
 * Before the depth limit each of them cost ~130 ms of CPU in a recursive walk and ended in a
 * 500; now a linear pre-scan refuses them with 400 JSON_TOO_DEEP.
 * Runs the real API in-process against a throwaway database and Redis prefix.
 *
 * Run: npm run bench:hostile-json
 */
import { performance } from 'node:perf_hooks';
import { jsonDepth, MAX_JSON_DEPTH } from '@botdeck/core';
import { createApiApp } from '../apps/api/src/bootstrap';
import { runBench, throwawayStores } from './support/throwaway';
import { BENCH_TOKEN_KEYS } from './support/bots';

const PARALLEL = 100;
const LEVELS = 100_000;

async function timed(send: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await send();
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

async function main(): Promise<void> {
  const stores = await throwawayStores('hostile');
  const { databaseUrl, redisUrl, prefix } = stores;
  Object.assign(process.env, {
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    DATABASE_RUN_MIGRATIONS: 'false',
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    BOT_TOKEN_KEYS: BENCH_TOKEN_KEYS,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
  });
  const app = await createApiApp();
  try {
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const body = '{"a":'.repeat(LEVELS) + '1' + '}'.repeat(LEVELS);

    // A body that is refused stops the scan at once; a body that passes is read to the end.
    const flat = JSON.stringify({ items: Array.from({ length: 60_000 }, () => 'abcdef') });
    const scanUs = (text: string) => {
      const scanStarted = performance.now();
      for (let i = 0; i < 100; i++) jsonDepth(text, MAX_JSON_DEPTH);
      return ((performance.now() - scanStarted) / 100) * 1000;
    };
    const deepScanUs = scanUs(body);
    const flatScanUs = scanUs(flat);

    const started = performance.now();
    const deep = Array.from({ length: PARALLEL }, () =>
      timed(() =>
        fetch(`${url}/api/v1/auth/refresh`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      ),
    );
    const health = timed(() => fetch(`${url}/api/v1/monitoring/health`));
    const answers = await Promise.all(deep);
    const allMs = performance.now() - started;
    const healthAnswer = await health;

    const statuses = new Map<number, number>();
    for (const { status } of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    console.log(
      `Deep JSON: ${PARALLEL} × ${(body.length / 1024).toFixed(0)} KB nested ${LEVELS} levels`,
    );
    console.log(
      `  depth pre-scan: ${deepScanUs.toFixed(1)} µs for one deep body (stops at level ` +
        `${MAX_JSON_DEPTH + 1}), ${flatScanUs.toFixed(0)} µs for a ${(flat.length / 1024).toFixed(0)} KB flat one`,
    );
    console.log(
      `  all ${PARALLEL} answered in ${allMs.toFixed(0)} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    console.log(
      `  health during the burst: ${healthAnswer.status} in ${healthAnswer.ms.toFixed(0)} ms`,
    );
  } finally {
    await app.close();
    await stores.drop();
  }
}

runBench(main);
