import type { CommandLog } from '../api/types';

/** Newest first, one row per interaction (a started then finished command updates in place). */
export function pushLog(rows: CommandLog[], entry: CommandLog, max = 200): CommandLog[] {
  const rest = rows.filter((row) => row.interactionId !== entry.interactionId);
  return [entry, ...rest].slice(0, max);
}

export interface LatencyPoint {
  at: string;
  p50: number | null;
  p95: number | null;
}

/** Keeps a rolling window of the stats' p50/p95 for the chart. */
export function pushLatency(points: LatencyPoint[], point: LatencyPoint, max = 60): LatencyPoint[] {
  return [...points, point].slice(-max);
}

/** An SVG polyline for values scaled to the box; null values break nothing, they are skipped. */
export function polyline(values: (number | null)[], width: number, height: number): string {
  const present = values.filter((value): value is number => value !== null);
  const top = Math.max(1, ...present);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((value, index) =>
      value === null
        ? null
        : `${(index * step).toFixed(1)},${(height - (value / top) * height).toFixed(1)}`,
    )
    .filter((point): point is string => point !== null)
    .join(' ');
}
