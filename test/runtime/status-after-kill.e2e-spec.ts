import request from 'supertest';
import { authHeader } from '../support/auth';
import { eventually } from '../support/eventually';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { type RuntimeWorld, startRuntimeWorld, TEST_RUNTIME_ENV } from './support/runtime-world';

const TTL_MS = Number(TEST_RUNTIME_ENV.BOT_LEASE_TTL_MS);
/** Room for a loaded machine on top of the lease TTL. */
const MARGIN_MS = 3_000;

/**
 * Status is the truth or says it does not know: once the worker running a bot is SIGKILLed,
 * nothing renews its lease, and within the lease TTL the API stops calling the bot `online`.
 * Another worker then takes it over.
 */
describe('Bot status after its worker is killed', () => {
  let world: RuntimeWorld;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    world = await startRuntimeWorld();
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await world?.close();
  });

  const status = async (id: string) =>
    (
      await request(world.api.url)
        .get(`/api/v1/bots/${id}`)
        .set(authHeader(world.operator))
        .expect(200)
    ).body as { status: string; statusReason: string | null };
  /** The bot as the list shows it: a polled page is answered by the response cache. */
  const listed = async (id: string) => {
    const res = await request(world.api.url)
      .get('/api/v1/bots?limit=100')
      .set(authHeader(world.operator))
      .expect(200);
    return (res.body.items as Array<{ id: string; status: string }>).find((bot) => bot.id === id);
  };

  it('reads unknown ("lease lapsed") within the lease TTL, never online, and comes back on another worker', async () => {
    const first = await spawnWorker(world.env);
    workers.push(first);
    const { id } = await world.createBot();
    await world.lifecycle('start', id);
    await world.waitForStatus(id, ['online'], 30_000);
    expect((await status(id)).status).toBe('online');
    expect((await listed(id))?.status).toBe('online');
    expect((await listed(id))?.status).toBe('online');

    const killedAt = Date.now();
    first.kill('SIGKILL');
    await first.exited;
    const lapsed = await eventually(
      'the status to stop claiming online',
      async () => {
        const seen = await status(id);
        expect(seen.status).toBe('unknown');
        expect((await listed(id))?.status).toBe('unknown');
        return { ...seen, after: Date.now() - killedAt };
      },
      { timeoutMs: TTL_MS + MARGIN_MS, intervalMs: 100 },
    );
    expect(lapsed.statusReason).toMatch(/^lease lapsed: worker \S+ not heard from/);

    const second = await spawnWorker(world.env);
    workers.push(second);
    await eventually(
      'the bot online again on the other worker',
      async () => {
        expect((await status(id)).status).toBe('online');
        const sessions = await world.connectedSessions();
        expect([...sessions.values()]).toEqual([1]);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });
});
