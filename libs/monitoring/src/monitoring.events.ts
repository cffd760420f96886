import type { MetricsSnapshot } from './metrics/metrics-snapshot';
import type { WorkerInfo } from './workers/worker-registry';

/** A worker joined the fleet (first heartbeat) or left it (said goodbye, or its heartbeat expired). */
export interface WorkerChangeEvent {
  change: 'joined' | 'left';
  worker: WorkerInfo;
  /** Why it left: `stopped` (shut down cleanly) or `expired` (heartbeat lapsed). */
  reason: 'stopped' | 'expired' | null;
}

declare module '@botdeck/core' {
  interface BotdeckEvents {
    /** A fleet-wide metrics snapshot, published once per interval by one API instance. */
    'monitoring.snapshot': MetricsSnapshot;
    'monitoring.worker': WorkerChangeEvent;
  }
}
