export interface RouteStats {
  route: string;
  botUserId: string;
  requests: number;
  rateLimited: number;
  serverErrors: number;
}

/**
 * Requests and 429s per rate-limit bucket as Discord splits them: a bucket family
 * (`messageCreate`, `messageEdit`, …, or `global`) for one major parameter (the channel) and bot.
 */
export interface BucketStats {
  bucket: string;
  major: string;
  botUserId: string;
  requests: number;
  rateLimited: number;
}

/** Requests and 429s per route and bot, and per bucket, for the control API's `/stats`. */
export class RequestStats {
  private readonly rows = new Map<string, RouteStats>();
  private readonly buckets = new Map<string, BucketStats>();

  /** One request that met a rate limit check; `limited` when it was answered 429. */
  recordBucket(bucket: string, major: string, botUserId: string, limited: boolean): void {
    const key = `${bucket}\u0000${major}\u0000${botUserId}`;
    let row = this.buckets.get(key);
    if (!row) {
      row = { bucket, major, botUserId, requests: 0, rateLimited: 0 };
      this.buckets.set(key, row);
    }
    row.requests++;
    if (limited) row.rateLimited++;
  }

  record(route: string, botUserId: string | undefined, status: number): void {
    const bot = botUserId ?? 'anonymous';
    const key = `${route}\u0000${bot}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { route, botUserId: bot, requests: 0, rateLimited: 0, serverErrors: 0 };
      this.rows.set(key, row);
    }
    row.requests++;
    if (status === 429) row.rateLimited++;
    if (status >= 500) row.serverErrors++;
  }

  snapshot(): {
    routes: RouteStats[];
    buckets: BucketStats[];
    totals: Omit<RouteStats, 'route' | 'botUserId'>;
  } {
    const routes = [...this.rows.values()].map((row) => ({ ...row }));
    const totals = routes.reduce(
      (sum, row) => ({
        requests: sum.requests + row.requests,
        rateLimited: sum.rateLimited + row.rateLimited,
        serverErrors: sum.serverErrors + row.serverErrors,
      }),
      { requests: 0, rateLimited: 0, serverErrors: 0 },
    );
    return { routes, buckets: [...this.buckets.values()].map((row) => ({ ...row })), totals };
  }

  reset(): void {
    this.rows.clear();
    this.buckets.clear();
  }
}
