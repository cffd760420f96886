import { EventBus } from '@botdeck/core';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { botRuntimeConfig, type BotRuntimeConfig } from '../bot-runtime.config';
import { BotLeaseService } from '../leases/bot-lease.service';
import { BotStatusReporter } from '../status/bot-status.reporter';
import { BotFleet } from './bot-fleet.service';
import { type FleetBot, FleetRepository } from './fleet.repository';
import { WorkerIdentity } from './worker-identity';
import { ShardPlanner } from '../shards/shard-planner.service';
import { type RunUnit, unitsOf } from '../shards/run-unit';

/** How many running-desired bots one pass looks at when hunting for unheld ones. */
const CANDIDATES_PER_PASS = 500;

/** Lapsed statuses written per pass (the next pass writes more; claims come first). */
const LAPSED_PER_PASS = 50;

/** Statuses that claim a worker runs the bot. */
const RUNNING = new Set(['starting', 'online', 'reconnecting']);

/**
 * Makes this worker's share of the fleet match the desired state in PostgreSQL: on an interval
 * and at once when nudged (`bot.desired`), it stops what should not run here, restarts on
 * request, and claims running-desired bots no live worker holds — a few per pass, so several
 * workers share the fleet. Leases are renewed on their own, faster timer; a lease that cannot
 * be renewed stops its bot at once, so two workers never run the same bot.
 */
@Injectable()
export class FleetReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FleetReconciler.name);
  private reconcileTimer: NodeJS.Timeout | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  private unsubscribe: () => void = () => undefined;
  private pass: Promise<void> | null = null;
  private passAgain = false;
  private closing = false;

  constructor(
    @Inject(botRuntimeConfig.KEY) private readonly config: BotRuntimeConfig,
    private readonly fleet: BotFleet,
    private readonly leases: BotLeaseService,
    private readonly repository: FleetRepository,
    private readonly reporter: BotStatusReporter,
    private readonly events: EventBus,
    private readonly worker: WorkerIdentity,
    private readonly planner: ShardPlanner,
  ) {
    this.fleet.onGaveUp = (botId) => void this.release([botId]);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = await this.events.subscribe('bot.desired', () => this.reconcileSoon());
    this.renewTimer = setInterval(() => void this.renew(), this.config.leaseRenewMs);
    this.reconcileTimer = setInterval(() => this.reconcileSoon(), this.config.reconcileIntervalMs);
    this.reconcileSoon();
    this.logger.log(`Bot runtime ${this.worker.id} reconciling`);
  }

  /**
   * SIGTERM: every bot logs out cleanly and is marked `stopped` ("worker shutdown") before its
   * lease goes, so another worker picks it up; desired state is left as it is.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.unsubscribe();
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    if (this.renewTimer) clearInterval(this.renewTimer);
    await this.pass;
    const stopped = await this.fleet.stopAll('worker shutdown');
    await this.release(stopped);
    if (stopped.length > 0) this.logger.log(`Logged out ${stopped.length} bots`);
  }

  /** Runs a pass now, or right after the current one; passes never overlap. */
  reconcileSoon(): void {
    if (this.closing) return;
    if (this.pass) {
      this.passAgain = true;
      return;
    }
    this.pass = this.reconcile()
      .catch((error: unknown) => this.logger.error({ err: error }, 'Reconcile pass failed'))
      .finally(() => {
        this.pass = null;
        if (this.passAgain) {
          this.passAgain = false;
          // A short pause lets other workers claim their share between our passes.
          setTimeout(() => this.reconcileSoon(), 20 + Math.random() * 30).unref();
        }
      });
  }

  /** One pass; timers and nudges go through `reconcileSoon`, which never overlaps passes. */
  async reconcile(): Promise<void> {
    await this.settleOwn();
    const claimedFullBatch = await this.claim();
    if (claimedFullBatch) this.passAgain = true;
    await this.settleStranded();
  }

  /**
   * Stops own bots and shards that should stop (or are gone), lets go of those whose bot now
   * runs with another shard count (they are claimed again in the new layout, in shard order),
   * and restarts those asked to.
   */
  private async settleOwn(): Promise<void> {
    const keys = this.fleet.ids();
    const botIds = [...new Set(keys.map((key) => this.fleet.get(key)?.id ?? key))];
    const rows = new Map((await this.repository.findByIds(botIds)).map((bot) => [bot.id, bot]));
    const counts = new Map<string, number>();
    for (const row of rows.values()) {
      if (row.runtime.desiredState === 'running') {
        counts.set(row.id, await this.planner.shardCount(row));
      }
    }
    await Promise.all(
      keys.map(async (key) => {
        const session = this.fleet.get(key);
        if (!session || this.closing) return;
        const row = rows.get(session.id);
        if (!row) {
          await this.fleet.stop(key, 'bot deleted', { persist: false });
          await this.release([key]);
        } else if (row.runtime.desiredState === 'stopped') {
          await this.fleet.stop(key, 'stop requested', { persist: true });
          await this.release([key]);
        } else if (counts.get(row.id) !== (session.shard?.count ?? 1)) {
          // The new layout's shards report for the bot; the old one's would only confuse it.
          await this.fleet.stop(key, 're-sharding', { persist: false });
          await this.release([key]);
        } else if ((row.runtime.restartRequestedAt?.getTime() ?? 0) > session.restartSeen) {
          await session.restart(row);
        }
      }),
    );
  }

  /** Claims unheld running-desired bots; true when it took a full batch (more may wait). */
  private async claim(): Promise<boolean> {
    const room = Math.min(
      this.config.claimBatchSize,
      this.config.maxBotsPerWorker - this.fleet.size,
    );
    if (room <= 0 || this.closing) return false;
    // A sharded bot stays a candidate while any of its shards may be unheld.
    const ownBots = this.fleet.ids().filter((key) => this.fleet.get(key)?.shard === null);
    const candidates = await this.repository.findRunnable(ownBots, CANDIDATES_PER_PASS);
    const units: Array<{ bot: FleetBot; unit: RunUnit }> = [];
    for (const bot of candidates) {
      if (this.closing) return false;
      for (const unit of unitsOf(bot.id, await this.planner.shardCount(bot))) {
        if (!this.fleet.get(unit.key)) units.push({ bot, unit });
      }
    }
    const holders = await this.leases.holders(units.map(({ unit }) => unit.key));
    let claimed = 0;
    const lapsed: FleetBot[] = [];
    for (const [index, { bot, unit }] of units.entries()) {
      if (holders[index] !== null || this.closing) continue;
      if (claimed >= room) {
        if (unit.shard === null && RUNNING.has(bot.runtime.status)) lapsed.push(bot);
        continue;
      }
      if (!(await this.leases.acquire(unit.key, this.worker.id, this.config.leaseTtlMs))) continue;
      this.fleet.launch(bot, unit);
      claimed++;
    }
    if (claimed > 0) this.logger.log(`Claimed ${claimed} bots (running ${this.fleet.size})`);
    await this.markLapsed(lapsed);
    return claimed === room;
  }

  /**
   * Bots whose stored status says a worker runs them but whose lease is gone, and that no
   * worker has claimed yet: the stored status is made to say so (the read side already shows
   * `unknown`; this makes it durable for lists, filters and bulk sweeps).
   */
  private async markLapsed(bots: FleetBot[]): Promise<void> {
    for (const bot of bots.slice(0, LAPSED_PER_PASS)) {
      if (this.closing) return;
      const worker = bot.runtime.workerId ?? 'unknown';
      await this.reporter.report(
        bot.id,
        'unknown',
        `lease lapsed: worker ${worker} not heard from`,
      );
    }
  }

  /** Marks stopped the bots that should not run but still look running (dead holder). */
  private async settleStranded(): Promise<void> {
    const stranded = await this.repository.findStrandedStopped(this.fleet.ids(), 50);
    for (const bot of stranded) {
      if (this.closing) return;
      // Holding the lease while writing keeps a live holder's own stop from racing us.
      if (!(await this.leases.acquire(bot.id, this.worker.id, this.config.leaseTtlMs))) continue;
      await this.reporter.report(bot.id, 'stopped', 'no worker held it');
      await this.release([bot.id]);
    }
  }

  /** Renews every lease this worker holds; drops the bots whose lease is (or may be) gone. */
  async renew(): Promise<void> {
    const ids = this.fleet.ids();
    if (ids.length === 0 || this.closing) return;
    const renewedAt = Date.now();
    let lost: string[];
    try {
      lost = await this.leases.renew(ids, this.worker.id, this.config.leaseTtlMs);
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not renew bot leases');
      // Redis unreachable: stop every bot whose lease may lapse before the next try.
      const horizon = Date.now() + this.config.leaseRenewMs + 500;
      lost = ids.filter((id) => (this.fleet.get(id)?.leaseValidUntil ?? 0) < horizon);
      await Promise.all(lost.map((id) => this.dropLost(id)));
      return;
    }
    for (const id of ids) {
      const session = this.fleet.get(id);
      if (session && !lost.includes(id))
        session.leaseValidUntil = renewedAt + this.config.leaseTtlMs;
    }
    await Promise.all(lost.map((id) => this.dropLost(id)));
    await this.refreshShardStats();
  }

  /** Shards' ping and guild count, refreshed with each renewal (for the shards view). */
  private async refreshShardStats(): Promise<void> {
    const stats = this.fleet
      .shardSessions()
      .filter((session) => session.status === 'online')
      .map((session) => ({
        botId: session.id,
        shardId: session.shard!.id,
        ...session.gatewayStats(),
      }));
    await this.reporter
      .refreshShards(stats)
      .catch((error: unknown) =>
        this.logger.debug?.({ err: error }, 'Could not refresh shard stats'),
      );
  }

  /** Another worker may own the bot now: log out at once and write nothing. */
  private async dropLost(botId: string): Promise<void> {
    this.logger.warn({ botId }, 'Lost the lease of a bot; logging it out');
    await this.fleet.stop(botId, 'lease lost', { persist: false });
  }

  private async release(botIds: string[]): Promise<void> {
    await this.leases
      .release(botIds, this.worker.id)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, botIds }, 'Could not release leases; they will expire'),
      );
  }
}
