export interface RouteStats {
  route: string;
  botUserId: string;
  requests: number;
  rateLimited: number;
  serverErrors: number;
}

/** Requests and 429s per route and bot, for the control API's `/stats`. */
export class RequestStats {
  private readonly rows = new Map<string, RouteStats>();

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

  snapshot(): { routes: RouteStats[]; totals: Omit<RouteStats, 'route' | 'botUserId'> } {
    const routes = [...this.rows.values()].map((row) => ({ ...row }));
    const totals = routes.reduce(
      (sum, row) => ({
        requests: sum.requests + row.requests,
        rateLimited: sum.rateLimited + row.rateLimited,
        serverErrors: sum.serverErrors + row.serverErrors,
      }),
      { requests: 0, rateLimited: 0, serverErrors: 0 },
    );
    return { routes, totals };
  }

  reset(): void {
    this.rows.clear();
  }
}
