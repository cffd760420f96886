/**
 * Command logs through a Redis outage, at the full figure by default: /ping at 50
 * interactions/s against a worker whose private Redis is SIGKILLed for 15 s and restarted; the
 * bot's command_logs rows are then counted against the interactions the sandbox saw answered.
 * The e2e test (test/commands/command-log-outage.e2e-spec.ts) runs the same scenario shorter.
 *
 * Run: npm run bench:log-outage [-- <rate per s> <outage s>]
 * The database and the Redis are throwaway ones, removed at the end.
 */
import { dropDatabase, ensureDatabase, runMigrations } from '@botdeck/core';
import { randomBytes } from 'node:crypto';
import { migrations } from '@botdeck/migrations';
import { runLogOutage } from '../test/commands/support/log-outage';

async function main(): Promise<void> {
  const rate = Number(process.argv[2] ?? 50);
  const outageSeconds = Number(process.argv[3] ?? 15);
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/');
  base.pathname = `/botdeck_bench_${Date.now().toString(36)}`;
  const databaseUrl = base.toString();
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl, migrations);
  const result = await runLogOutage({
    ratePerSecond: rate,
    beforeMs: 3_000,
    outageMs: outageSeconds * 1000,
    afterMs: 3_000,
    env: {
      DATABASE_URL: databaseUrl,
      DATABASE_RUN_MIGRATIONS: 'false',
      LOG_LEVEL: 'silent',
      JWT_SECRET: randomBytes(32).toString('hex'),
      BOT_TOKEN_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    },
  }).finally(() => dropDatabase(databaseUrl));
  const lost = result.missing.length;
  const duplicates = result.allRows - result.finishedRows;
  console.log(`Redis SIGKILLed for ${outageSeconds} s under /ping at ${rate}/s`);
  console.log(`  played ${result.sent}, answered ${result.answered.length}`);
  console.log(`  answered while Redis was down: ${result.answeredDuringOutage}`);
  console.log(`  finished log rows ${result.finishedRows}, all rows ${result.allRows}`);
  console.log(`  lost ${lost}, extra rows ${duplicates}`);
  console.log(`  outbox: ${JSON.stringify(result.stats)}`);
  console.log(`  Redis back → last row in PostgreSQL: ${(result.catchUpMs / 1000).toFixed(1)} s`);
  process.exitCode = lost === 0 && result.allRows === result.answered.length ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
