import type { WorkerDiscordTotals } from '../workers/worker-stats';

/** One process's own figures. */
export interface ProcessMetrics {
  uptimeSeconds: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** CPU time over wall time in the last window (≥ 1 s), 0–100 per core used. */
  cpuPercent: number;
  eventLoopDelayMs: { p50: number; p99: number };
}

/** A live worker as its last heartbeat described it. */
export interface WorkerMetrics {
  id: string;
  host: string;
  pid: number;
  /** ISO-8601. */
  startedAt: string;
  lastBeatAgeMs: number;
  uptimeSeconds: number;
  rssBytes: number;
  cpuPercent: number;
  botsByStatus: Record<string, number>;
  gatewayPingMs: { avg: number | null; max: number | null };
  commandsPerMinute: number;
  discord: WorkerDiscordTotals;
}

export interface CommandWindowMetrics {
  windowMinutes: 1 | 5 | 15;
  /** Commands that ended in the window. */
  count: number;
  /** Share of them that did not end in `success`, 0–1. */
  errorRate: number;
  p95Ms: number | null;
}

export interface QueueMetrics {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/** What `GET /monitoring/metrics` answers and the `metrics` topic pushes. */
export interface MetricsSnapshot {
  /** ISO-8601. */
  at: string;
  /** The API process that measured this. */
  api: ProcessMetrics;
  workers: WorkerMetrics[];
  /** Every configured bot by status, as the read side tells it (lapsed leases are `unknown`). */
  fleet: { botsByStatus: Record<string, number> };
  commands: CommandWindowMetrics[];
  queues: QueueMetrics[];
  /** Summed over the live workers, each since it started. */
  discord: WorkerDiscordTotals;
}
