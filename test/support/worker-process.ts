import { type AppProcess, spawnApp } from './app-process';

/** A real worker process (`apps/worker/src/main.ts` under ts-node), for kill and signal tests. */
export type WorkerProcess = AppProcess;

export function spawnWorker(
  env: Record<string, string>,
  readyTimeoutMs = 60_000,
): Promise<WorkerProcess> {
  return spawnApp('worker', env, { ready: /Botdeck worker started/, readyTimeoutMs });
}
