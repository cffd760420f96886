import { MetricsRegistry } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import type { CommandOutcome } from '../logs/command-log.entity';

/** The label for a command this worker does not serve (e.g. one deleted since it was sent). */
export const UNREGISTERED_COMMAND = '(unregistered)';

/**
 * Prometheus series for the commands this worker served: one count per command and outcome,
 * and their durations. The `command` label is a registered root command name (a bounded set),
 * never the raw name Discord sent.
 */
@Injectable()
export class CommandMetrics {
  private readonly total: Counter<'command' | 'status'>;
  private readonly duration: Histogram<'command' | 'status'>;
  private finishedCount = 0;

  constructor(registry: MetricsRegistry) {
    this.total = new Counter({
      name: 'botdeck_commands_total',
      help: 'Slash commands served by this worker, by command and outcome',
      labelNames: ['command', 'status'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'botdeck_command_duration_seconds',
      help: 'Time from an interaction reaching the bot to its end record, by command and outcome',
      labelNames: ['command', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  record(command: string, status: CommandOutcome, durationMs: number): void {
    this.finishedCount += 1;
    this.total.inc({ command, status });
    this.duration.observe({ command, status }, durationMs / 1000);
  }

  /** Commands finished since this process started (for the worker's commands per minute). */
  get finished(): number {
    return this.finishedCount;
  }
}
