/** One bot a worker runs, as its heartbeat describes it. */
export interface RunningBotFigures {
  id: string;
  status: string;
  /** Gateway heartbeat latency, null until one is acknowledged. */
  pingMs: number | null;
  guilds: number;
}

/** Discord traffic of a worker's bots since the worker started. */
export interface WorkerDiscordTotals {
  requests: number;
  /** Requests Discord answered 429. */
  rateLimited: number;
  /** Requests the REST client held back to stay inside a rate limit. */
  rateLimitWaits: number;
  gatewayReconnects: number;
}

/** What a worker reports with every heartbeat. */
export interface WorkerStats {
  uptimeSeconds: number;
  rssBytes: number;
  heapUsedBytes: number;
  cpuPercent: number;
  botsByStatus: Record<string, number>;
  gatewayPingMs: { avg: number | null; max: number | null };
  commandsPerMinute: number;
  discord: WorkerDiscordTotals;
}

/**
 * The seam between the heartbeat and the bots: what the worker's fleet looks like now. The
 * worker app supplies it (the bot runtime's `FleetStats` fits), so monitoring does not reach
 * into the runtime and a process without bots simply supplies none.
 */
export interface WorkerFleetSource {
  sample(): {
    botsByStatus: Partial<Record<string, number>>;
    gatewayPingMs: { avg: number | null; max: number | null };
    bots: RunningBotFigures[];
    discord: WorkerDiscordTotals;
  };
}

/** The seam to the commands this worker serves: how many have finished since it started. */
export interface WorkerCommandSource {
  readonly finished: number;
}

export const WORKER_FLEET_SOURCE = Symbol('WORKER_FLEET_SOURCE');
export const WORKER_COMMAND_SOURCE = Symbol('WORKER_COMMAND_SOURCE');

/** Commands per minute from a running total, over the last minute of samples. */
export class RateOverMinute {
  private readonly samples: Array<{ at: number; total: number }> = [];

  add(total: number, at = Date.now()): number {
    this.samples.push({ at, total });
    while (this.samples.length > 2 && this.samples[1].at <= at - 60_000) this.samples.shift();
    const first = this.samples[0];
    const spanMs = at - first.at;
    if (spanMs <= 0) return 0;
    return Math.round(((total - first.total) * 60_000) / spanMs);
  }
}
