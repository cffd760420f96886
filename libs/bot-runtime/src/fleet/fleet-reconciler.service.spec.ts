import type { EventBus } from '@botdeck/core';
import { Logger } from '@nestjs/common';
import type { BotRuntimeConfig } from '../bot-runtime.config';
import type { BotLeaseService } from '../leases/bot-lease.service';
import type { BotStatusReporter } from '../status/bot-status.reporter';
import type { BotFleet } from './bot-fleet.service';
import type { BotSession } from './bot-session';
import { FleetReconciler } from './fleet-reconciler.service';
import type { FleetBot, FleetRepository } from './fleet.repository';
import type { ShardPlanner } from '../shards/shard-planner.service';

const config = {
  leaseTtlMs: 3_000,
  leaseRenewMs: 1_000,
  maxBotsPerWorker: 3,
  claimBatchSize: 2,
} as BotRuntimeConfig;

const bot = (id: string, runtime: Partial<FleetBot['runtime']> = {}) =>
  ({
    id,
    runtime: { desiredState: 'running', status: 'stopped', restartRequestedAt: null, ...runtime },
  }) as FleetBot;

/** The fleet as the reconciler sees it: sessions by id, launches and stops recorded. */
class FakeFleet {
  sessions = new Map<string, Partial<BotSession> & { restarted?: FleetBot }>();
  stops: Array<[string, string, boolean]> = [];
  onGaveUp: (id: string) => void = () => undefined;
  get size() {
    return this.sessions.size;
  }
  ids() {
    return [...this.sessions.keys()];
  }
  get(id: string) {
    return this.sessions.get(id);
  }
  shardSessions() {
    return [];
  }
  launch(entity: FleetBot) {
    const session: Partial<BotSession> & { restarted?: FleetBot } = {
      id: entity.id,
      bot: entity,
      shard: null,
      restartSeen: entity.runtime.restartRequestedAt?.getTime() ?? 0,
      leaseValidUntil: Date.now() + config.leaseTtlMs,
    };
    session.restart = (row: FleetBot) => {
      session.restarted = row;
      return Promise.resolve();
    };
    this.sessions.set(entity.id, session);
  }
  stop(id: string, reason: string, options: { persist: boolean }) {
    this.sessions.delete(id);
    this.stops.push([id, reason, options.persist]);
    return Promise.resolve();
  }
}

function setup(state: {
  rows?: FleetBot[];
  runnable?: FleetBot[];
  holders?: Record<string, string>;
}) {
  const fleet = new FakeFleet();
  const held = new Map(Object.entries(state.holders ?? {}));
  const leases = {
    acquire: jest.fn((id: string, worker: string) => {
      if (held.has(id)) return Promise.resolve(false);
      held.set(id, worker);
      return Promise.resolve(true);
    }),
    holders: jest.fn((ids: string[]) => Promise.resolve(ids.map((id) => held.get(id) ?? null))),
    release: jest.fn((ids: string[]) => {
      ids.forEach((id) => held.delete(id));
      return Promise.resolve(ids.length);
    }),
    renew: jest.fn((_ids: string[]) => Promise.resolve([] as string[])),
  };
  const known = [...(state.rows ?? []), ...(state.runnable ?? [])];
  const repository = {
    findByIds: jest.fn((ids: string[]) =>
      Promise.resolve(known.filter((row) => ids.includes(row.id))),
    ),
    findRunnable: jest.fn((exclude: string[]) =>
      Promise.resolve((state.runnable ?? []).filter((row) => !exclude.includes(row.id))),
    ),
    findStrandedStopped: jest.fn(() => Promise.resolve([] as FleetBot[])),
  };
  const reporter = {
    report: jest.fn(() => Promise.resolve()),
    refreshShards: jest.fn(() => Promise.resolve()),
  };
  const reconciler = new FleetReconciler(
    config,
    fleet as unknown as BotFleet,
    leases as unknown as BotLeaseService,
    repository as unknown as FleetRepository,
    reporter as unknown as BotStatusReporter,
    {} as EventBus,
    { id: 'me' },
    { shardCount: () => Promise.resolve(1) } as unknown as ShardPlanner,
  );
  return { reconciler, fleet, leases, held };
}

describe('FleetReconciler', () => {
  // The reconciler logs its decisions; the assertions below check them instead.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('claims only unheld bots, at most a batch per pass and never past the per-worker cap', async () => {
    const runnable = ['a', 'b', 'c', 'd', 'e'].map((id) => bot(id));
    const { reconciler, fleet, held } = setup({ runnable, holders: { a: 'other' } });
    await reconciler.reconcile();
    expect(fleet.ids()).toEqual(['b', 'c']);
    expect(held.get('b')).toBe('me');
    await reconciler.reconcile();
    expect(fleet.ids()).toEqual(['b', 'c', 'd']);
    expect(held.has('e')).toBe(false);
  });

  it('stops and releases bots meant to stop, drops deleted ones silently, restarts on a newer request', async () => {
    const requested = new Date();
    const rows = [
      bot('stop-me', { desiredState: 'stopped' }),
      bot('restart-me', { restartRequestedAt: requested }),
      bot('keep'),
    ];
    const { reconciler, fleet, leases } = setup({ rows });
    ['stop-me', 'gone', 'restart-me', 'keep'].forEach((id) => fleet.launch(bot(id)));
    await reconciler.reconcile();
    expect(fleet.stops).toEqual(
      expect.arrayContaining([
        ['stop-me', 'stop requested', true],
        ['gone', 'bot deleted', false],
      ]),
    );
    expect(fleet.stops).toHaveLength(2);
    expect(leases.release).toHaveBeenCalledWith(['stop-me'], 'me');
    expect(leases.release).toHaveBeenCalledWith(['gone'], 'me');
    expect(fleet.get('restart-me')?.restarted).toBe(rows[1]);
    expect(fleet.get('keep')?.restarted).toBeUndefined();
  });

  it('logs out at once, writing nothing, a bot whose lease another worker now holds', async () => {
    const { reconciler, fleet, leases } = setup({});
    fleet.launch(bot('mine'));
    fleet.launch(bot('lost'));
    leases.renew.mockResolvedValueOnce(['lost']);
    const before = fleet.get('mine')!.leaseValidUntil!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await reconciler.renew();
    expect(fleet.stops).toEqual([['lost', 'lease lost', false]]);
    expect(fleet.get('mine')!.leaseValidUntil!).toBeGreaterThan(before);
  });

  it('when Redis cannot be reached, stops the bots whose lease could lapse before the next renewal', async () => {
    const { reconciler, fleet, leases } = setup({});
    fleet.launch(bot('fresh'));
    fleet.launch(bot('stale'));
    fleet.get('stale')!.leaseValidUntil = Date.now() + 600;
    leases.renew.mockRejectedValueOnce(new Error('Connection is closed.'));
    await reconciler.renew();
    expect(fleet.stops).toEqual([['stale', 'lease lost', false]]);
    expect(fleet.ids()).toEqual(['fresh']);
  });
});
