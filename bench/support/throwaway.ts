import { randomUUID } from 'node:crypto';
import { dropDatabase, ensureDatabase, runMigrations } from '@botdeck/core';
import { migrations } from '@botdeck/migrations';
import { deleteKeysWithPrefix } from '../../test/support/redis-keys';

/** A bench's own migrated database and Redis key prefix, removed by `drop()`. */
export interface Throwaway {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  drop(): Promise<void>;
}

/** Creates and migrates `botdeck_bench_<name>_<id>` on the server of DATABASE_URL. */
export async function throwawayStores(name: string): Promise<Throwaway> {
  const runId = randomUUID().slice(0, 8);
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/botdeck');
  base.pathname = `/botdeck_bench_${name}_${runId}`;
  const databaseUrl = base.toString();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `botdeck-bench-${runId}:`;
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl, migrations);
  return {
    databaseUrl,
    redisUrl,
    prefix,
    drop: async () => {
      await dropDatabase(databaseUrl);
      await deleteKeysWithPrefix(redisUrl, prefix);
    },
  };
}

/** Runs a bench's main and exits with its outcome (open handles must not keep it running). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
