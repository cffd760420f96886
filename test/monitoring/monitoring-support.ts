import type { HealthReportDto, WorkerDto } from '@botdeck/monitoring';
import request from 'supertest';

/** The health document with each worker's details (`items`), as signed-in callers get it. */
export type DetailedHealth = HealthReportDto & {
  checks: { workers: { items: WorkerDto[] } };
};

/**
 * GET health, as a signed-in caller when `accessToken` is given: only then does the answer
 * carry `checks.workers.items` (typed here as present; read it only with a token).
 */
export async function getHealth(
  url: string,
  accessToken?: string,
): Promise<{ status: number; body: DetailedHealth }> {
  const req = request(url).get('/api/v1/monitoring/health');
  if (accessToken) void req.set('Authorization', `Bearer ${accessToken}`);
  const res = await req;
  return { status: res.status, body: res.body as DetailedHealth };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` every `intervalMs` until it returns a value, failing after `timeoutMs`.
 * A bounded wait for something that happens asynchronously, not a retry of a flaky assertion.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Sets environment variables for the duration of `work` (config is read when modules load). */
export async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Settles with `work`, or with `fallback` after `ms`, leaving no timer behind. */
export async function within<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
