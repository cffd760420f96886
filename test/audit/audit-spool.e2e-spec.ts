import { AUDIT_SPOOL_STREAM, AuditEntry, AuditMetrics, AuditSpool } from '@botdeck/audit';
import { createRedisClient, redisConfig } from '@botdeck/core';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

function entry(label: string): AuditEntry {
  return Object.assign(new AuditEntry(), {
    id: randomUUID(),
    createdAt: new Date('2026-01-02T03:04:05.006Z'),
    action: 'user.create',
    outcome: 'failure',
    method: 'POST',
    path: '/api/v1/users',
    requestId: label,
    after: { email: `${label}@botdeck.test` },
  });
}

/** The Redis side of the retry path: durable until acknowledged, taken over from the dead. */
describe('audit spool (Redis Stream)', () => {
  let redis: Redis;
  let metrics: AuditMetrics;

  beforeEach(() => {
    // A prefix of its own: the API instances of this run drain the run's own spool.
    const config = redisConfig();
    redis = createRedisClient(
      { ...config, keyPrefix: `${config.keyPrefix}spool-${randomUUID()}:` },
      'audit-spool-test',
    );
    metrics = new AuditMetrics();
  });
  afterEach(async () => {
    await redis.del(AUDIT_SPOOL_STREAM);
    await redis.quit();
  });

  it('gives entries back intact, and forgets them only once they are done', async () => {
    const spool = new AuditSpool(redis, metrics);
    const rows = [entry('a'), entry('b'), entry('c')];
    await spool.add(rows);

    const taken = await spool.take(10);
    expect(taken.map((t) => t.entry)).toEqual(rows);
    expect(taken[0]?.entry.createdAt).toBeInstanceOf(Date);

    // Not done: the same drainer gets them again on its next round.
    expect((await spool.take(10)).map((t) => t.entry.id)).toEqual(rows.map((r) => r.id));
    await spool.done(taken.map((t) => t.streamId));
    expect(await spool.take(10)).toEqual([]);
    expect(await redis.xlen(AUDIT_SPOOL_STREAM)).toBe(0);
  });

  it("lets another drainer take over a dead drainer's entries once they are idle", async () => {
    const dead = new AuditSpool(redis, metrics);
    const alive = new AuditSpool(redis, metrics);
    const rows = [entry('x'), entry('y')];
    await dead.add(rows);
    expect(await dead.take(10)).toHaveLength(2);

    expect(await alive.take(10)).toEqual([]); // held, and not idle yet
    alive.claimIdleMs = 0;
    const claimed = await alive.take(10);
    expect(claimed.map((t) => t.entry.id)).toEqual(rows.map((r) => r.id));
    await alive.done(claimed.map((t) => t.streamId));
    expect(await redis.xlen(AUDIT_SPOOL_STREAM)).toBe(0);
  });

  it('drops an unreadable entry and counts it, without blocking the others', async () => {
    const spool = new AuditSpool(redis, metrics);
    await spool.take(1); // creates the group
    await redis.xadd(AUDIT_SPOOL_STREAM, '*', 'e', '{not json');
    const good = entry('good');
    await spool.add([good]);
    expect((await spool.take(10)).map((t) => t.entry.id)).toEqual([good.id]);
    expect(metrics.snapshot().dropped).toBe(1);
  });

  it('recreates its stream and group when Redis lost them', async () => {
    const spool = new AuditSpool(redis, metrics);
    await spool.take(1);
    await redis.del(AUDIT_SPOOL_STREAM);
    await expect(spool.take(1)).rejects.toThrow(/NOGROUP/);
    const row = entry('again');
    await spool.add([row]);
    expect((await spool.take(10)).map((t) => t.entry.id)).toEqual([row.id]);
  });
});
