/** One process's own figures. */
export interface ProcessMetrics {
  uptimeSeconds: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** CPU time over wall time since the previous sample, 0–100 per core used. */
  cpuPercent: number;
  eventLoopDelayMs: { p50: number; p99: number };
}

/** What `GET /monitoring/metrics` answers and the `metrics` topic pushes. */
export interface MetricsSnapshot {
  /** ISO-8601. */
  at: string;
  api: ProcessMetrics;
  workers: Array<{
    id: string;
    host: string;
    uptimeSeconds: number;
    rssBytes: number;
    cpuPercent: number;
    botsByStatus: Record<string, number>;
    gatewayPingMs: { avg: number | null; max: number | null };
    commandsPerMinute: number;
  }>;
  fleet: { botsByStatus: Record<string, number> };
  commands: Array<{
    windowMinutes: 1 | 5 | 15;
    count: number;
    errorRate: number;
    p95Ms: number | null;
  }>;
  queues: Array<{ name: string; waiting: number; active: number; delayed: number; failed: number }>;
  discord: { rateLimited: number; gatewayReconnects: number };
}
