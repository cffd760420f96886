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

/** Successful edits of one channel message (a bucket counts a channel's, not a message's). */
export interface MessageEditStats {
  channelId: string;
  messageId: string;
  edits: number;
}

/**
 * Requests and 429s per route and bot, per bucket, and edits per channel message, for the
 * control API's `/stats`.
 */
export class RequestStats {
  private readonly rows = new Map<string, RouteStats>();
  private readonly buckets = new Map<string, BucketStats>();
  private readonly edits = new Map<string, MessageEditStats>();

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

  /** One channel message edited (the edit went through). */
  recordEdit(channelId: string, messageId: string): void {
    const row = this.edits.get(messageId);
    if (row) row.edits++;
    else this.edits.set(messageId, { channelId, messageId, edits: 1 });
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
    messageEdits: MessageEditStats[];
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
    return {
      routes,
      buckets: [...this.buckets.values()].map((row) => ({ ...row })),
      messageEdits: [...this.edits.values()].map((row) => ({ ...row })),
      totals,
    };
  }

  reset(): void {
    this.rows.clear();
    this.buckets.clear();
    this.edits.clear();
  }
}
