import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { until } from './eventually';

const ROOT = path.resolve(__dirname, '../..');

/** A real Botdeck process (an app's `main.ts` under ts-node), for kill, signal and log tests. */
export interface AppProcess {
  child: ChildProcess;
  pid: number;
  /** Everything it printed (stdout and stderr), for assertions and for diagnosing a failure. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once its output is all read. */
  exited: Promise<number | string>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Spawns `apps/<app>/src/main.ts` with LOG_LEVEL=info and waits until its output matches
 * `ready` (a start-up log line).
 */
export async function spawnApp(
  app: 'api' | 'worker',
  env: Record<string, string>,
  { ready, readyTimeoutMs = 60_000 }: { ready: RegExp; readyTimeoutMs?: number },
): Promise<AppProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      `apps/${app}/src/main.ts`,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'info', TS_NODE_PROJECT: 'tsconfig.json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    // 'close', not 'exit': the last log lines may still be in the pipe when it exits.
    child.once('close', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const outcome = await until(
    `${app} to start`,
    () => (gone() ? 'exited' : ready.test(output) ? 'ready' : 'starting'),
    (state) => state !== 'starting',
    { timeoutMs: readyTimeoutMs, intervalMs: 100 },
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}:\n${output}`);
  });
  if (outcome === 'exited') throw new Error(`${app} exited during start-up:\n${output}`);
  return {
    child,
    pid: child.pid!,
    output: () => output,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
