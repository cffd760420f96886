import type { HealthReportDto } from '@botdeck/monitoring';
import request from 'supertest';

export async function getHealth(url: string): Promise<{ status: number; body: HealthReportDto }> {
  const res = await request(url).get('/api/v1/monitoring/health');
  return { status: res.status, body: res.body as HealthReportDto };
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
