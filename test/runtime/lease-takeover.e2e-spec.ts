import { leaseKey } from '@botdeck/bot-runtime';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { type RuntimeWorld, startRuntimeWorld, TEST_RUNTIME_ENV } from './support/runtime-world';
import { eventually, until } from '../support/eventually';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

const BOTS = 6;
const TTL_MS = Number(TEST_RUNTIME_ENV.BOT_LEASE_TTL_MS);

/** Two real worker processes share a fleet; one is SIGKILLed, the other takes its bots over. */
describe('Bot runtime: ownership across workers', () => {
  let world: RuntimeWorld;
  let redis: Redis;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    world = await startRuntimeWorld();
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      keyPrefix: world.env.REDIS_KEY_PREFIX,
    });
    // Small claim batches so both workers end up with a share.
    const env = { ...world.env, BOT_CLAIM_BATCH: '2' };
    workers.push(...(await Promise.all([spawnWorker(env), spawnWorker(env)])));
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    redis?.disconnect();
    await world?.close();
  });

  /** Pid of the worker holding each bot's lease (null when free). */
  async function holderPids(ids: string[]): Promise<(number | null)[]> {
    const holders = await redis.mget(...ids.map(leaseKey));
    return holders.map((holder) => (holder ? Number(/-(\d+)-[0-9a-f]+$/.exec(holder)?.[1]) : null));
  }

  async function rows(ids: string[]) {
    return world.api.app.get(DataSource).query<
      Array<{
        id: string;
        status: string;
        status_reason: string | null;
        desired_state: string;
        status_changed_at: Date;
      }>
    >(
      `SELECT bot_id AS id, status, status_reason, desired_state, status_changed_at
         FROM bot_runtime_states WHERE bot_id = ANY($1)`,
      [ids],
    );
  }

  it('brings a killed worker’s bots back on the other within TTL + 5 s, never running one twice; SIGTERM logs the rest out', async () => {
    const bots = await Promise.all(Array.from({ length: BOTS }, () => world.createBot()));
    const ids = bots.map((bot) => bot.id);
    for (const id of ids) await world.lifecycle('start', id);
    for (const id of ids) await world.waitForStatus(id, ['online'], 30_000);

    const pids = await holderPids(ids);
    expect(pids.every((pid) => workers.some((worker) => worker.pid === pid))).toBe(true);
    const counts = workers.map((worker) => pids.filter((pid) => pid === worker.pid).length);
    const victim = workers[counts[0] >= counts[1] ? 0 : 1];
    const survivor = workers.find((worker) => worker !== victim)!;
    const victimBots = ids.filter((_, index) => pids[index] === victim.pid);
    expect(victimBots.length).toBeGreaterThan(0);
    // Each worker logs, at info level, every bot it brought online (the line follows the row).
    await eventually('an info line per bot online', () => {
      for (const [index, id] of ids.entries()) {
        const holder = workers.find((worker) => worker.pid === pids[index])!;
        expect(holder.output()).toMatch(new RegExp(`\\(${id}\\) is online`));
      }
    });

    // Watch the sandbox throughout: no bot may ever have two live gateway sessions.
    let watching = true;
    let mostSessions = 0;
    const watcher = (async () => {
      while (watching) {
        const connected = await world.connectedSessions();
        for (const bot of bots)
          mostSessions = Math.max(mostSessions, connected.get(bot.sandbox.userId) ?? 0);
        await sleep(100);
      }
    })();

    const killedAt = new Date();
    victim.kill('SIGKILL');
    await victim.exited;
    const back = await until(
      'the killed worker’s bots online on the survivor',
      async () => {
        const holders = await holderPids(victimBots);
        const states = await rows(victimBots);
        return (
          holders.every((pid) => pid === survivor.pid) &&
          states.every((row) => row.status === 'online' && row.status_changed_at > killedAt)
        );
      },
      (done) => done,
      { timeoutMs: TTL_MS + 5_000, intervalMs: 200 },
    )
      .catch(() => false)
      .finally(() => (watching = false));
    await watcher;
    expect({ back, output: back ? '' : survivor.output().slice(-2_000) }).toEqual({
      back: true,
      output: '',
    });
    expect(mostSessions).toBe(1);
    const connected = await world.connectedSessions();
    for (const bot of bots) expect(connected.get(bot.sandbox.userId)).toBe(1);

    survivor.kill('SIGTERM');
    await expect(survivor.exited).resolves.toBe(0);
    for (const row of await rows(ids)) {
      expect(row).toMatchObject({
        status: 'stopped',
        status_reason: 'worker shutdown',
        desired_state: 'running',
      });
    }
    expect(await holderPids(ids)).toEqual(ids.map(() => null));
    for (const id of ids) {
      expect(survivor.output()).toMatch(new RegExp(`\\(${id}\\) is stopped`));
    }
    expect((await world.connectedSessions()).size).toBe(0);
  });
});
