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
