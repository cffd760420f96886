import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { eventually } from './eventually';
import { freePort } from './free-port';

export interface PrivateRedisOptions {
  /**
   * Persist with an append-only file, as the compose deployment does, so a restart brings back
   * what it had acknowledged (default); without it a restarted server starts empty.
   */
  appendOnly?: boolean;
}

/**
 * A redis-server of the caller's own on a free port, to kill and bring back; the shared one on
 * 6379 is never touched.
 */
export class PrivateRedis {
  private child?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'botdeck-redis-'));

  private constructor(
    readonly port: number,
    private readonly options: PrivateRedisOptions,
  ) {}

  static async start(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), options);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server (again, after `kill`); a no-op while it runs. */
  async start(): Promise<void> {
    // A second server on the port would fail to bind while the probe below still reached the
    // first one, leaving that one running untracked.
    if (this.running) return;
    const appendOnly = this.options.appendOnly ?? true;
    const child = spawn(
      'redis-server',
      [
        ...['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir],
        ...['--save', '', '--appendonly', appendOnly ? 'yes' : 'no', '--appendfsync', 'everysec'],
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    const probe = new Redis({ port: this.port, lazyConnect: true, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await eventually(
        `redis-server on port ${this.port}`,
        async () => {
          if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
          if (probe.status !== 'ready') await probe.connect();
          if ((await probe.ping()) !== 'PONG') throw new Error('no PONG');
        },
        { timeoutMs: 10_000 },
      );
    } finally {
      probe.disconnect();
    }
  }

  /** Ends the server with `signal` and waits until it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
