import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '../support/eventually';

interface LifeEvent {
  name: string;
  event: 'start' | 'stop';
  pid: number;
  at: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The supervisor of `npm start` (scripts/supervisor.js) over tiny fake children. */
class SupervisorRun {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'botdeck-supervisor-'));
  readonly eventsFile = path.join(this.dir, 'events.jsonl');
  readonly process: ChildProcess;
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    services: Array<{ name: string; mode: string; env?: Record<string, string> }>,
    options: Record<string, number>,
  ) {
    this.process = spawn(process.execPath, [path.join(__dirname, 'supervisor', 'supervise.js')], {
      env: {
        ...process.env,
        EVENTS_FILE: this.eventsFile,
        SERVICES: JSON.stringify(services),
        SUPERVISOR_OPTIONS: JSON.stringify(options),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) =>
      this.process.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  events(name?: string): LifeEvent[] {
    if (!existsSync(this.eventsFile)) return [];
    return readFileSync(this.eventsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LifeEvent)
      .filter((event) => name === undefined || event.name === name);
  }

  starts(name: string): LifeEvent[] {
    return this.events(name).filter((event) => event.event === 'start');
  }

  /** Ends the run whatever state it is in, children included. */
  async cleanUp(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGKILL');
      await this.exited;
    }
    for (const { pid } of this.events()) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('npm start supervisor (scripts/supervisor.js)', () => {
  const runs: SupervisorRun[] = [];
  const supervise = (...args: ConstructorParameters<typeof SupervisorRun>) => {
    const run = new SupervisorRun(...args);
    runs.push(run);
    return run;
  };
  afterEach(async () => {
    await Promise.all(runs.splice(0).map((run) => run.cleanUp()));
  });

  it('restarts a child killed with SIGKILL and leaves the others running', async () => {
    const run = supervise(
      [
        { name: 'api', mode: 'steady' },
        { name: 'worker', mode: 'steady' },
      ],
      { initialDelayMs: 100, maxDelayMs: 1_000 },
    );
    const [worker] = await eventually('the worker to start', () => {
      const starts = run.starts('worker');
      expect(starts).toHaveLength(1);
      return starts;
    });
    const [api] = await eventually('the api to start', () => {
      const starts = run.starts('api');
      expect(starts).toHaveLength(1);
      return starts;
    });

    process.kill(worker.pid, 'SIGKILL');
    const restarted = await eventually('the worker to be restarted', () => {
      const starts = run.starts('worker');
      expect(starts).toHaveLength(2);
      return starts[1];
    });
    expect(restarted.pid).not.toBe(worker.pid);
    expect(alive(restarted.pid)).toBe(true);
    expect(run.output).toContain('worker exited (SIGKILL); restarting it in 100 ms');
    // The API was never touched: same process, never stopped, never started again.
    expect(alive(api.pid)).toBe(true);
    expect(run.events('api')).toEqual([api]);
    expect(run.process.exitCode).toBeNull();
  });

  it('restarts a child that keeps crashing with a growing, capped delay (never a hot loop)', async () => {
    const run = supervise([{ name: 'sandbox', mode: 'crash' }], {
      initialDelayMs: 100,
      maxDelayMs: 800,
    });
    const starts = await eventually(
      'six starts of the crashing child',
      () => {
        const found = run.starts('sandbox');
        expect(found.length).toBeGreaterThanOrEqual(6);
        return found.slice(0, 6);
      },
      { timeoutMs: 30_000 },
    );
    const expected = [100, 200, 400, 800, 800];
    for (const [i, delay] of expected.entries()) {
      expect(run.output).toContain(
        `sandbox exited (code 1); restarting it in ${delay} ms (failure ${i + 1})`,
      );
      // Each start comes no sooner than its delay after the one before.
      expect(starts[i + 1].at - starts[i].at).toBeGreaterThanOrEqual(delay);
    }
  });

  it('starts again from the shortest delay after a child ran long enough to count as healthy', async () => {
    const run = supervise(
      [{ name: 'worker', mode: 'crash-later', env: { CRASH_AFTER_MS: '400' } }],
      { initialDelayMs: 100, maxDelayMs: 800, stableAfterMs: 300 },
    );
    await eventually('four starts of the worker', () =>
      expect(run.starts('worker').length).toBeGreaterThanOrEqual(4),
    );
    const delays = [...run.output.matchAll(/restarting it in (\d+) ms \(failure (\d+)\)/g)];
    expect(delays.length).toBeGreaterThanOrEqual(3);
    for (const [, delay, failure] of delays) expect([delay, failure]).toEqual(['100', '1']);
  });

  it('stops every child on SIGTERM, cancels pending restarts and exits 0', async () => {
    const run = supervise(
      [
        { name: 'api', mode: 'steady' },
        { name: 'worker', mode: 'steady' },
        { name: 'sandbox', mode: 'crash' },
      ],
      // The crashing child waits 60 s for its restart: SIGTERM must cancel that wait.
      { initialDelayMs: 60_000, maxDelayMs: 60_000, stopTimeoutMs: 10_000 },
    );
    await eventually('every child to start', () => {
      expect(run.starts('api')).toHaveLength(1);
      expect(run.starts('worker')).toHaveLength(1);
      expect(run.output).toContain('sandbox exited (code 1); restarting it in 60000 ms');
    });

    run.process.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    for (const name of ['api', 'worker']) {
      const [start, stop] = run.events(name);
      expect(stop).toMatchObject({ event: 'stop', pid: start.pid });
      expect(alive(start.pid)).toBe(false);
    }
    expect(run.starts('sandbox')).toHaveLength(1);
  });

  it('kills a child that ignores SIGTERM once the stop timeout has passed', async () => {
    const run = supervise([{ name: 'worker', mode: 'stubborn' }], {
      stopTimeoutMs: 500,
    });
    const [worker] = await eventually('the worker to start', () => {
      const starts = run.starts('worker');
      expect(starts).toHaveLength(1);
      return starts;
    });
    run.process.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(alive(worker.pid)).toBe(false);
    expect(run.output).toContain('worker did not stop within 500 ms; killing it');
  });
});
