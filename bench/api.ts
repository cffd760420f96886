/**
 * Signed-in reads through the whole API against bare Fastify, in the same run:
 *
 * 1. bare Fastify 5 (a process of its own) answering the same JSON body as Botdeck's
 *    `GET /api/v1/bots?limit=20` (20 bots), from memory;
 * 2. Botdeck's `GET /api/v1/bots?limit=20`, signed in, with the read cache and the access
 *    cache on (rate limits counted, set high enough never to refuse);
 * 3. the same with both caches off (every request reads the user, the login and the page
 *    from PostgreSQL);
 * 4. the 304 path: the cached request with `If-None-Match` of the page's ETag.
 *
 * Each API runs in a process of its own (ts-node, as the tests run it) on a throwaway database
 * and Redis prefix; autocannon drives them from this process. Tunables: BENCH_SECONDS (8),
 * BENCH_CONNECTIONS (32). Target: cached ≥ 60 % of bare Fastify's requests per second.
 *
 * Run: npm run bench:api
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BENCH_TOKEN_KEYS } from './support/bots';
import { type ServerProcess, spawnServer } from './support/server-process';
import { runBench, throwawayStores } from './support/throwaway';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ADMIN = { email: 'bench@botdeck.local', password: 'bench-password-0123456789' };
const PATH = '/api/v1/bots?limit=20';

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const line = (name: string, figures: Figures, anchor?: Figures) =>
  `${name.padEnd(34)} ${figures.perSecond.toFixed(0).padStart(7)} req/s  p50 ${figures.p50
    .toFixed(1)
    .padStart(6)} ms  p99 ${figures.p99.toFixed(1).padStart(6)} ms` +
  (anchor ? `  ${((figures.perSecond / anchor.perSecond) * 100).toFixed(0)} % of bare` : '') +
  (figures.non2xx || figures.errors
    ? `  (${figures.non2xx} non-2xx, ${figures.errors} errors)`
    : '');

async function main(): Promise<void> {
  const stores = await throwawayStores('api');
  const env = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: stores.databaseUrl,
    DATABASE_RUN_MIGRATIONS: 'false',
    REDIS_KEY_PREFIX: stores.prefix,
    BOT_TOKEN_KEYS: BENCH_TOKEN_KEYS,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_READS: '1000000000',
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'botdeck-bench-api-'));
  const servers: ServerProcess[] = [];
  try {
    const cached = await spawnServer(['apps/api/src/main.ts'], env, '/api/v1/monitoring/health');
    servers.push(cached);
    const token = await signIn(cached.url);
    const auth = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 20; i += 1) {
      const res = await fetch(`${cached.url}/api/v1/bots`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `bench-bot-${i}`,
          token: `MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.bench-token-${i}-abcdefghijkl`,
          tags: ['bench'],
          description: 'A bot of the API bench',
        }),
      });
      if (res.status !== 201) throw new Error(`creating a bot: ${res.status} ${await res.text()}`);
    }
    const page = await fetch(`${cached.url}${PATH}`, { headers: auth });
    const etag = page.headers.get('etag') ?? '';
    const body = await page.text();
    const bodyFile = path.join(dir, 'body.json');
    writeFileSync(bodyFile, body);

    const bare = await spawnServer(['bench/support/bare-json-server.ts', bodyFile], {}, '/');
    servers.push(bare);
    const uncached = await spawnServer(
      ['apps/api/src/main.ts'],
      { ...env, CACHE_ENABLED: 'false', AUTH_CACHE_TTL_MS: '0' },
      '/api/v1/monitoring/health',
    );
    servers.push(uncached);

    console.log(
      `api bench: GET ${PATH} (${Buffer.byteLength(body)} bytes, 20 bots), ` +
        `${CONNECTIONS} connections, ${SECONDS} s each`,
    );
    // Warm every server up (JIT, pools, caches) before measuring.
    const warm = { ...auth };
    await load(`${bare.url}${PATH}`, {});
    await load(`${cached.url}${PATH}`, warm);
    await load(`${uncached.url}${PATH}`, warm);

    const anchor = await load(`${bare.url}${PATH}`, {});
    console.log(line('bare Fastify 5, same body', anchor));
    const hot = await load(`${cached.url}${PATH}`, auth);
    console.log(line('Botdeck, signed in, cached', hot, anchor));
    const cold = await load(`${uncached.url}${PATH}`, auth);
    console.log(line('Botdeck, signed in, uncached', cold, anchor));
    const notModified = await load(`${cached.url}${PATH}`, { ...auth, 'if-none-match': etag });
    console.log(line('Botdeck, cached, 304 (If-None-Match)', notModified, anchor));
    console.log(
      `cached ÷ bare: ${((hot.perSecond / anchor.perSecond) * 100).toFixed(0)} % ` +
        `(target ≥ 60 %); cached ÷ uncached: ${(hot.perSecond / cold.perSecond).toFixed(2)}×`,
    );
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(dir, { recursive: true, force: true });
    await stores.drop();
  }
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

runBench(main);
