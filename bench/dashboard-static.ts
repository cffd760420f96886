/**
 * What serving the dashboard costs the API. Builds the dashboard, then loads a client route
 * (answered with index.html) and the main script from the real API, beside a bare Fastify
 * with @fastify/static serving the same folder, in alternating 4 s slices of 20 connections:
 * requests per second, p99 latency and the ratio to the bare server.
 * Runs the real API in-process against a throwaway database and Redis prefix.
 *
 * Run: npm run bench:dashboard
 */
import fastifyStatic from '@fastify/static';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../apps/api/src/bootstrap';
import { BENCH_TOKEN_KEYS } from './support/bots';
import { runBench, throwawayStores } from './support/throwaway';

const SLICE_SECONDS = 4;
const ROUNDS = 2;

async function load(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: 20, duration: SLICE_SECONDS });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const outDir = mkdtempSync(join(tmpdir(), 'botdeck-bench-dashboard-'));
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(root, 'apps/dashboard/vite.config.ts'),
      '--logLevel',
      'error',
    ],
    { env: { ...process.env, DASHBOARD_OUT_DIR: outDir } },
  );
  const script = readdirSync(join(outDir, 'assets')).find((file) => file.endsWith('.js'));
  const stores = await throwawayStores('dashboard');
  Object.assign(process.env, {
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: stores.databaseUrl,
    DATABASE_RUN_MIGRATIONS: 'false',
    REDIS_URL: stores.redisUrl,
    REDIS_KEY_PREFIX: stores.prefix,
    BOT_TOKEN_KEYS: BENCH_TOKEN_KEYS,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
    DASHBOARD_DIR: outDir,
  });
  const app = await createApiApp();
  const bare = Fastify();
  await bare.register(fastifyStatic, { root: outDir });
  bare.setNotFoundHandler((_request, reply) => reply.sendFile('index.html'));
  try {
    await app.listen(0, '127.0.0.1');
    const api = await app.getUrl();
    const anchor = await bare.listen({ port: 0, host: '127.0.0.1' });
    const paths = {
      'client route (index.html)': '/stock',
      [`script (${script})`]: `/assets/${script}`,
    };
    for (const [label, path] of Object.entries(paths)) {
      const figures = {
        api: [] as Awaited<ReturnType<typeof load>>[],
        bare: [] as Awaited<ReturnType<typeof load>>[],
      };
      for (let round = 0; round < ROUNDS; round += 1) {
        figures.api.push(await load(api + path));
        figures.bare.push(await load(anchor + path));
      }
      const mean = (list: { rps: number }[]) =>
        list.reduce((sum, f) => sum + f.rps, 0) / list.length;
      const worst = (list: { p99: number }[]) => Math.max(...list.map((f) => f.p99));
      const errors = [...figures.api, ...figures.bare].reduce((sum, f) => sum + f.errors, 0);
      console.log(`${label}: ${ROUNDS} × ${SLICE_SECONDS} s slices, 20 connections`);
      console.log(
        `  API:         ${mean(figures.api).toFixed(0)} req/s, p99 ${worst(figures.api)} ms`,
      );
      console.log(
        `  bare static: ${mean(figures.bare).toFixed(0)} req/s, p99 ${worst(figures.bare)} ms`,
      );
      console.log(
        `  ratio API/bare: ${(mean(figures.api) / mean(figures.bare)).toFixed(2)} · errors ${errors}`,
      );
    }
  } finally {
    await app.close();
    await bare.close();
    await stores.drop();
    rmSync(outDir, { recursive: true, force: true });
  }
}

runBench(main);
