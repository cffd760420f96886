import { REDIS } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { monitoringConfig, MonitoringConfig } from '../monitoring.config';
import { WorkerRegistry } from '../workers/worker-registry';
import {
  DependencyCheckDto,
  HealthChecksDto,
  HealthReportDto,
  HealthStatus,
  WorkersCheckDto,
} from './health.dto';
import { withTimeout } from './with-timeout';

/** Required checks (PostgreSQL, Redis; workers when configured) decide the overall status. */
export function overallStatus(checks: HealthChecksDto): HealthStatus {
  const required = [checks.postgres, checks.redis];
  if (checks.workers.required) required.push(checks.workers);
  return required.every((check) => check.status === 'up') ? 'ok' : 'error';
}

const REDIS_DOWN_STATES: ReadonlySet<string> = new Set(['reconnecting', 'close', 'end']);

/** A failed check as anonymous callers see it: that it failed, not the error's own words. */
function withoutCause<T extends DependencyCheckDto>(check: T): T {
  return check.error ? { ...check, error: 'unavailable' } : check;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks PostgreSQL, Redis and the worker heartbeats in parallel, each bounded by its own
 * timeout so one hung dependency cannot hold the whole report.
 */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(DataSource) private readonly dataSource: Pick<DataSource, 'query'>,
    @Inject(REDIS) private readonly redis: Pick<Redis, 'status' | 'ping'>,
    @Inject(WorkerRegistry) private readonly workers: Pick<WorkerRegistry, 'list'>,
    @Inject(monitoringConfig.KEY) private readonly config: MonitoringConfig,
  ) {}

  /**
   * `details` adds each worker's host and PID and the dependencies' own error text: for
   * signed-in callers only, since the route is public (load balancers) and host names, PIDs
   * and connection errors (which name hosts and ports) help an attacker map the deployment.
   */
  async report(options: { details: boolean } = { details: true }): Promise<HealthReportDto> {
    const [postgres, redis, workersWithItems] = await Promise.all([
      this.checkPostgres(),
      this.checkRedis(),
      this.checkWorkers(),
    ]);
    const { items, ...counts } = workersWithItems;
    const checks = options.details
      ? { postgres, redis, workers: { ...counts, items } }
      : { postgres: withoutCause(postgres), redis: withoutCause(redis), workers: counts };
    return {
      status: overallStatus(checks),
      checks,
      uptimeSeconds: Math.floor((Date.now() - this.startedAt) / 1000),
      version: this.config.version,
      checkedAt: new Date().toISOString(),
    };
  }

  private checkPostgres(): Promise<DependencyCheckDto> {
    return this.timed('PostgreSQL', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }

  private checkRedis(): Promise<DependencyCheckDto> {
    return this.timed('Redis', async () => {
      this.assertRedisConnected();
      await this.redis.ping();
    });
  }

  private async checkWorkers(): Promise<WorkersCheckDto> {
    let items: WorkersCheckDto['items'] = [];
    const check = await this.timed('Redis', async () => {
      this.assertRedisConnected();
      items = await this.workers.list();
    });
    const status = check.status === 'up' && items.length > 0 ? 'up' : 'down';
    const error = check.error ?? (items.length === 0 ? 'No live worker' : undefined);
    return {
      ...check,
      status,
      ...(error ? { error } : {}),
      required: this.config.requireWorker,
      count: items.length,
      items,
    };
  }

  // The shared client queues commands while it reconnects, so a PING would only time out.
  // A client between connection attempts (or closed) means Redis is down now. A client still
  // making its first connection gets the PING, which it sends as soon as it is ready.
  private assertRedisConnected(): void {
    if (REDIS_DOWN_STATES.has(this.redis.status)) {
      throw new Error(`Redis connection is ${this.redis.status}`);
    }
  }

  private async timed(what: string, probe: () => Promise<void>): Promise<DependencyCheckDto> {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    try {
      await withTimeout(probe(), this.config.checkTimeoutMs, what);
      return { status: 'up', latencyMs: latency() };
    } catch (error) {
      return { status: 'down', latencyMs: latency(), error: message(error) };
    }
  }
}
