import type { ChildProcess } from 'node:child_process';
import { spawnApp } from './app-process';
import { freePort } from './free-port';

/** A real API process (`apps/api/src/main.ts` under ts-node), to see it survive an outage. */
export interface ApiProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed, for log assertions and for diagnosing a failure. */
  output(): string;
  running(): boolean;
  stop(): Promise<void>;
}

/** Starts the API on a free loopback port and waits until it listens. */
export async function spawnApi(
  env: Record<string, string>,
  readyTimeoutMs = 90_000,
): Promise<ApiProcess> {
  const port = await freePort();
  const api = await spawnApp(
    'api',
    { ...env, HOST: '127.0.0.1', PORT: String(port) },
    { ready: /Botdeck API listening on/, readyTimeoutMs },
  );
  const running = () => api.child.exitCode === null && api.child.signalCode === null;
  return {
    child: api.child,
    url: `http://127.0.0.1:${port}`,
    output: api.output,
    running,
    stop: async () => {
      api.kill('SIGTERM');
      const timer = setTimeout(() => api.kill('SIGKILL'), 10_000);
      await api.exited;
      clearTimeout(timer);
    },
  };
}
