import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../test/support/free-port';
import { until } from '../../test/support/eventually';

const ROOT = path.resolve(__dirname, '../..');

/** A server a bench drives: a process of its own, as production runs it. */
export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs `node -r ts-node… <args>` on a free loopback port (PORT, HOST) with `env` over this
 * process's, its output dropped but for stderr, and waits until `probe` answers at all.
 * BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
 */
export async function spawnServer(
  args: string[],
  env: Record<string, string>,
  probe: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
      ...['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', ...args],
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const status = await until(
    `${args[0]} to answer`,
    () =>
      gone()
        ? -1
        : fetch(`${url}${probe}`).then(
            (res) => res.status,
            () => 0,
          ),
    (answer) => answer !== 0,
    { timeoutMs: 90_000, intervalMs: 200 },
  );
  if (status === -1) throw new Error(`${args[0]} exited during start-up`);
  const stop = async () => {
    if (gone()) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { url, stop };
}
