import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { EventBus } from '@botdeck/core';
import { ProcessSampler } from '../metrics/process-sampler';
import type { MonitoringConfig } from '../monitoring.config';
import { WorkerHeartbeatService } from './worker-heartbeat.service';
import type { WorkerInfo, WorkerRegistry } from './worker-registry';

const config: MonitoringConfig = {
  requireWorker: false,
  heartbeatIntervalMs: 5_000,
  heartbeatTtlMs: 15_000,
  checkTimeoutMs: 1_000,
  version: 'test',
  aliveFile: undefined,
};

describe('WorkerHeartbeatService', () => {
  let beats: Array<{ info: WorkerInfo; ttlMs: number }>;
  let published: unknown[];
  let sampler: ProcessSampler;
  const events = {
    publish: (type: string, payload: unknown) => {
      published.push({ type, payload });
      return Promise.resolve(true);
    },
  } as unknown as EventBus;
  let removed: string[];
  let failNext: number;
  let service: WorkerHeartbeatService;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    beats = [];
    removed = [];
    published = [];
    failNext = 0;
    sampler = new ProcessSampler();
    const registry = {
      beat: (info: WorkerInfo, ttlMs: number) => {
        if (failNext > 0) {
          failNext -= 1;
          return Promise.reject(new Error('Redis away'));
        }
        beats.push({ info, ttlMs });
        return Promise.resolve({ joined: beats.length === 1 });
      },
      remove: (id: string) => {
        removed.push(id);
        return Promise.resolve(true);
      },
    } as unknown as WorkerRegistry;
    service = new WorkerHeartbeatService(registry, config, events, sampler);
  });
  afterEach(() => {
    sampler.onModuleDestroy();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('registers on start with the TTL and describes this process', async () => {
    await service.onApplicationBootstrap();
    expect(beats).toEqual([{ info: service.info, ttlMs: 15_000 }]);
    expect(service.info).toMatchObject({ pid: process.pid, startedAt: expect.any(String) });
    expect(service.info.id).toContain(String(process.pid));
  });

  it('says on the bus that it joined on its first beat and left when it stops', async () => {
    await service.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(published).toEqual([
      {
        type: 'monitoring.worker',
        payload: { change: 'joined', worker: service.info, reason: null },
      },
    ]);
    await service.beforeApplicationShutdown();
    expect(published).toContainEqual({
      type: 'monitoring.worker',
      payload: { change: 'left', worker: service.info, reason: 'stopped' },
    });
  });

  it('refreshes every interval and keeps going after a failed beat', async () => {
    await service.onApplicationBootstrap();
    failNext = 1;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(beats).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(5_000);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(beats).toHaveLength(3);
  });

  it('stops beating and removes its entry on shutdown, leaving no timer behind', async () => {
    await service.onApplicationBootstrap();
    await service.beforeApplicationShutdown();
    expect(removed).toEqual([service.info.id]);
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(beats).toHaveLength(1);
  });

  it('rewrites the alive file after each successful beat, for container health checks', async () => {
    const aliveFile = join(tmpdir(), `botdeck-alive-${process.pid}-${Date.now()}`);
    const registry = {
      beat: () => Promise.resolve({ joined: false }),
      remove: () => Promise.resolve(false),
    } as unknown as WorkerRegistry;
    const withFile = new WorkerHeartbeatService(
      registry,
      { ...config, aliveFile },
      events,
      sampler,
    );
    try {
      await withFile.onApplicationBootstrap();
      expect(existsSync(aliveFile)).toBe(true);
      expect(readFileSync(aliveFile, 'utf8').trim()).toBe(withFile.info.id);
    } finally {
      await withFile.beforeApplicationShutdown();
      rmSync(aliveFile, { force: true });
    }
  });
});
