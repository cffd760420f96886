// Generated from the API's OpenAPI document by scripts/dashboard-api-types.js; do not edit.
// Regenerate with `npm run dashboard:api-types` after changing a route or DTO.
export type paths = {
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List audit entries
     * @description Newest first, filtered by actor, action, resource, outcome and time range, and searched with `q` (web-search syntax). The trail is append-only: no route changes it.
     */
    get: operations['AuditEntries_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Auth_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Auth_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Auth_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Auth_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List bot configurations, newest first */
    get: operations['Bots_list'];
    put?: never;
    /** Store a bot configuration (the token is encrypted at rest) */
    post: operations['Bots_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bots/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Bots_get'];
    put?: never;
    post?: never;
    delete: operations['Bots_delete'];
    options?: never;
    head?: never;
    /** Change a bot configuration; send the version you read */
    patch: operations['Bots_update'];
    trace?: never;
  };
  '/api/v1/bots/{id}/interactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Receive the bot’s interactions over the gateway or over HTTP (Interactions Endpoint URL) */
    put: operations['BotInteractions_set'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bots/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send one message through this bot (mentions default to none)
     * @description Answers once Discord created the message. A refusal by Discord is 422 MESSAGE_REJECTED with its code in details.discordCode; allowedMentions.parse "everyone" needs admin.
     */
    post: operations['BotMessages_send'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bots/{id}/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One bot's time online, gateway figures and last 24 h of commands */
    get: operations['BotMetrics_forBot'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bots/{id}/restart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log the bot out and in again (starts it if it was stopped) */
    post: operations['BotLifecycle_restart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bots/{id}/shards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bot and each of its gateway shards: worker, status, ping, guilds */
    get: operations['BotLifecycle_shards'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bots/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask a worker to run the bot (desired state: running) */
    post: operations['BotLifecycle_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bots/{id}/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask the worker running the bot to log it out (desired: stopped) */
    post: operations['BotLifecycle_stop'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bots/{id}/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace the token (checked with Discord first) */
    put: operations['Bots_rotateToken'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bots/{id}/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check the token with Discord and store the bot identity */
    post: operations['Bots_validate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bulk/bots/restart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Restart up to 500 bots (stopped ones are started) */
    post: operations['BulkOperations_restart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bulk/bots/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start up to 500 bots, picked by id or by tag */
    post: operations['BulkOperations_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bulk/bots/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop up to 500 bots, picked by id or by tag */
    post: operations['BulkOperations_stop'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bulk/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send one message to up to 10 000 targets (bot × channel), each exactly once
     * @description Targets: `targets`, or `botIds`/`tags` with `channelIds` or `everyTextChannel`. Mentions default to none; allowedMentions.parse "everyone" needs the admin role. Follow it at GET /bulk/operations/{operationId}.
     */
    post: operations['BulkMessages_send'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bulk/operations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Bulk operations, newest first (without per-bot results) */
    get: operations['BulkOperations_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bulk/operations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An operation: totals and its results, one per target, a page at a time */
    get: operations['BulkOperations_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bulk/operations/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel an operation: what it has not sent yet is not sent (message operations) */
    post: operations['BulkOperations_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bulk/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create or update up to 5000 products by sku, all or nothing
     * @description A validation error names the row and field (`products[17].priceMinor`). On an existing product, optional fields a row leaves out keep their values.
     */
    post: operations['CatalogBulk_upsertProducts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bulk/products/stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Apply up to 10000 stock adjustments in order, all or nothing
     * @description Adjustments to one product apply in request order; if any would take a product below zero, 409 INSUFFICIENT_STOCK names the rows and nothing changes. One ledger row each.
     */
    post: operations['CatalogBulk_adjustStock'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bulk/products/visibility': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Show or hide products by ids or skus (up to 5000) or by category */
    post: operations['CatalogBulk_setVisibility'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/commands/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Per-command count, success rate and p50/p95/p99 duration, plus totals
     * @description Over interactions started in [from, to] (default: the last 24 hours).
     */
    get: operations['CommandStats_stats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/logs/failed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Interactions that did not succeed, newest first
     * @description Failed means `error`, `timed_out` or `rate_limited`; `status` narrows it.
     */
    get: operations['CommandLogs_failed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/logs/recent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest slash-command interactions, newest first */
    get: operations['CommandLogs_recent'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/logs/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search the command logs: full text, filters, three orders, facets
     * @description `q` takes web-search syntax (`word`, `"a phrase"`, `a OR b`, `-excluded`). Every sort pages by keyset: pass `nextCursor` back with the same sort. Facets count the newest COMMAND_LOG_FACET_ROW_CAP matches at most (`facets.bounded` says when there were more).
     */
    get: operations['CommandLogs_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/logs/user/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Interactions of one Discord user, newest first */
    get: operations['CommandLogs_byUser'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/monitoring/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Health of the API and its dependencies
     * @description Checks PostgreSQL, Redis and live workers in parallel, each within its own timeout. 503 when a required dependency is down. Both answers carry the health document itself (not the error envelope), which is what load balancers and people expect. Anyone gets the statuses and worker counts; a signed-in caller (bearer token) also gets each worker's host and PID and the failing dependencies' own error text.
     */
    get: operations['Health_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/monitoring/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Fleet-wide figures: this API process, live workers, bots, commands, queues
     * @description Measured now: this API process, each live worker from its last heartbeat, every bot by status, commands of the last 1/5/15 minutes, BullMQ queues and Discord traffic. The `metrics` real-time topic pushes the same document every METRICS_SNAPSHOT_INTERVAL_MS.
     */
    get: operations['Metrics_snapshot'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/product-categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Categories (at most 1000) with product counts and alert targets */
    get: operations['CategoryAlerts_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/product-categories/{category}/alert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Post the category’s restock alerts in this channel, mentioning this role */
    put: operations['CategoryAlerts_set'];
    post?: never;
    /** Stop alerting for the category (products’ own targets stay) */
    delete: operations['CategoryAlerts_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List products, newest first, with filters */
    get: operations['Products_list'];
    put?: never;
    /** Add a product to the catalog (stock defaults to 0; null = unlimited) */
    post: operations['Products_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Products_get'];
    put?: never;
    post?: never;
    /** Delete a product and its stock ledger */
    delete: operations['Products_delete'];
    options?: never;
    head?: never;
    /** Change a product; send the version you read (stock: use /stock) */
    patch: operations['Products_update'];
    trace?: never;
  };
  '/api/v1/products/{id}/movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The product’s stock ledger, newest first */
    get: operations['Stock_movements'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/restock-alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Restock alerts posted for a product (when, where, stock after), newest first */
    get: operations['RestockAlerts_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}/stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change stock by a delta or to a value, atomically, with a ledger row
     * @description Below zero is refused with 409 INSUFFICIENT_STOCK and changes nothing. On unlimited stock a delta is recorded and the stock stays unlimited; `set` gives it a quantity again.
     */
    post: operations['Stock_change'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One search box across Botdeck: bots, products, command logs, users, audit
     * @description Typed groups, each with a (capped) count and the ids to link to. Users and audit entries only for admins, as on their own routes.
     */
    get: operations['SearchBox_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock-displays': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List stock displays, newest first */
    get: operations['StockDisplays_list'];
    put?: never;
    /** Create a live stock display; the bot’s worker posts it (status pending → live) */
    post: operations['StockDisplays_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock-displays/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StockDisplays_get'];
    put?: never;
    post?: never;
    /** Delete a display; its worker deletes its messages from Discord */
    delete: operations['StockDisplays_delete'];
    options?: never;
    head?: never;
    /** Change what a display shows; send the version you read */
    patch: operations['StockDisplays_update'];
    trace?: never;
  };
  '/api/v1/stock-displays/{id}/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Re-render now: every message is edited (or reposted if gone), and an `error` display retries */
    post: operations['StockDisplays_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Users_list'];
    put?: never;
    post: operations['Users_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Users_get'];
    put?: never;
    post?: never;
    delete: operations['Users_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Users_disable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Users_enable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/role': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['Users_changeRole'];
    trace?: never;
  };
  '/interactions/{botId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Interactions Endpoint URL of a bot in HTTP mode (called by Discord, signed with Ed25519) */
    post: operations['HttpInteractions_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    AllowedMentionsDto: {
      /** @default [] */
      parse: ('users' | 'roles' | 'everyone')[];
      /** @description Role ids to ping */
      roles?: string[];
      /** @description User ids to ping */
      users?: string[];
    };
    AuditActorDto: {
      /** @example ada@example.com */
      email: string | null;
      /** @example 3f0c6a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6 */
      id: string;
      /** @example admin */
      role: string | null;
    };
    AuditEntryDto: {
      /**
       * @description `<resource>.<verb>`
       * @example user.create
       */
      action: string;
      /** @description Who made the request, as they were then; null when nobody was signed in */
      actor: components['schemas']['AuditActorDto'] | null;
      /** @description State after the change (for failure/denied: what was attempted); secret fields read "[REDACTED]" */
      after?: {
        [key: string]: unknown;
      } | null;
      /** @description State before the change; secret fields read "[REDACTED]" */
      before?: {
        [key: string]: unknown;
      } | null;
      /**
       * Format: date-time
       * @description When the request was decided (UTC)
       */
      createdAt: string;
      /** @example VALIDATION_FAILED */
      errorCode: string | null;
      /** Format: uuid */
      id: string;
      /** @example 203.0.113.7 */
      ip: string | null;
      /** @example POST */
      method: string;
      /**
       * @description `success`: the change was made; `failure`: the request failed (see errorCode); `denied`: authentication or role refused it
       * @enum {string}
       */
      outcome: 'success' | 'failure' | 'denied';
      /**
       * @description Request path without the query string
       * @example /api/v1/users
       */
      path: string;
      /** @example 8f14e45f-ceea-467f-a0e6-5a1b2c3d4e5f */
      requestId: string | null;
      /** @example 3f0c6a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6 */
      resourceId: string | null;
      /** @example user */
      resourceType: string | null;
      /** @example 201 */
      statusCode: number | null;
      /** @example curl/8.5.0 */
      userAgent: string | null;
    };
    AuditGroupDto: {
      /** @description True when there are more matches than `count` */
      capped: boolean;
      /** @description Matches, counted up to SEARCH_GROUP_COUNT_CAP */
      count: number;
      items: components['schemas']['AuditSearchHitDto'][];
    };
    AuditSearchHitDto: {
      action: string;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: uuid
       * @description GET /api/v1/audit?q={id}
       */
      id: string;
      outcome: string;
      resourceId: string | null;
      resourceType: string | null;
    };
    BotCommandsDto: {
      /**
       * @description Commands that ended in the period
       * @example 512
       */
      count: number;
      /**
       * @description Of those, the ones that did not end in success
       * @example 3
       */
      errors: number;
      /** @example 24 */
      periodHours: number;
    };
    BotDto: {
      applicationId: string | null;
      botUserId: string | null;
      botUsername: string | null;
      /** Format: date-time */
      createdAt: string;
      description: string;
      /** @enum {string} */
      desiredState: 'running' | 'stopped';
      devGuildIds: string[];
      /** Format: uuid */
      id: string;
      intents: string[];
      /** @enum {string} */
      interactionsMode: 'gateway' | 'http';
      name: string;
      /** @description Ed25519 public key, hex */
      publicKey: string | null;
      /**
       * @description Gateway shards: a fixed count, or `auto` for what Discord recommends (`GET /gateway/bot`) at login
       * @example auto
       */
      shardCount: 'auto' | number;
      /**
       * @description `unknown` when no live worker vouches for the bot (lease lapsed, Redis away)
       * @enum {string}
       */
      readonly status: 'stopped' | 'starting' | 'online' | 'reconnecting' | 'error' | 'unknown';
      /** Format: date-time */
      statusChangedAt: string;
      statusReason: string | null;
      tags: string[];
      /** @example x9Qa */
      tokenLast4: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      validatedAt: string | null;
      version: number;
    };
    BotGatewayDto: {
      /** @example 3 */
      guilds: number | null;
      /** @example 42 */
      pingMs: number | null;
      /**
       * Format: date-time
       * @description That worker's heartbeat these figures come from
       */
      reportedAt: string | null;
      /** @description The worker running it */
      workerId: string | null;
    };
    BotGroupDto: {
      /** @description True when there are more matches than `count` */
      capped: boolean;
      /** @description Matches, counted up to SEARCH_GROUP_COUNT_CAP */
      count: number;
      items: components['schemas']['BotSearchHitDto'][];
    };
    BotLifecycleDto: {
      /** @enum {string} */
      desiredState: 'running' | 'stopped';
      /** Format: uuid */
      id: string;
      name: string;
      /**
       * @description Current status; the change requested happens asynchronously in a worker
       * @enum {string}
       */
      status: 'stopped' | 'starting' | 'online' | 'reconnecting' | 'error' | 'unknown';
      /** Format: date-time */
      statusChangedAt: string;
      statusReason: string | null;
      /** @description The bot’s version; a change of desired state moves it on */
      version: number;
    };
    BotMetricsDto: {
      /** Format: uuid */
      botId: string;
      commands: components['schemas']['BotCommandsDto'];
      /** @description From the heartbeat of the worker running it; nulls while none runs it */
      gateway: components['schemas']['BotGatewayDto'];
      /** @example online */
      status: string;
      time: components['schemas']['BotOnlineDto'];
    };
    BotOnlineDto: {
      /** @example true */
      online: boolean;
      /**
       * @description Seconds online without a break, up to now
       * @example 3600
       */
      seconds: number;
      /**
       * Format: date-time
       * @description Since when it is online (null when it is not)
       */
      since: string | null;
    };
    BotSearchHitDto: {
      /** @description The bot user on Discord */
      botUsername: string | null;
      /**
       * Format: uuid
       * @description GET /api/v1/bots/{id}
       */
      id: string;
      name: string;
      tags: string[];
    };
    BotShardDto: {
      /** @description Guilds on this shard */
      guilds: number | null;
      /** @description Heartbeat round trip (ms) */
      pingMs: number | null;
      /** @example 0 */
      shardId: number;
      /**
       * @description `unknown` when no live worker vouches for the shard (lease lapsed, Redis away)
       * @enum {string}
       */
      status: 'stopped' | 'starting' | 'online' | 'reconnecting' | 'error' | 'unknown';
      /** Format: date-time */
      statusChangedAt: string | null;
      statusReason: string | null;
      /** @description The worker running the shard */
      workerId: string | null;
    };
    BotShardsDto: {
      /** @description The bot; online only when every shard is */
      bot: components['schemas']['BotLifecycleDto'];
      /** @description The shard count the runtime runs (or last ran) the bot with */
      shardCount: number;
      /** @description The configured shard count */
      shardCountSetting: 'auto' | number;
      shards: components['schemas']['BotShardDto'][];
    };
    BulkAdjustmentDto: {
      /**
       * @description Add (or remove) this many units; give this or set
       * @example -1
       */
      delta?: number;
      /**
       * Format: uuid
       * @description The product (give this or sku)
       */
      productId?: string;
      /** @description This row’s reason, else the request’s */
      reason?: string;
      /** @description Set the stock to this; null makes it unlimited */
      set?: number | null;
      /** @example TEE-RED-M */
      sku?: string;
    };
    BulkBotsDto: {
      /** @description The bots to act on (give this or tags) */
      botIds?: string[];
      /**
       * @description Act on every bot carrying any of these tags (at most 500 bots)
       * @example [
       *       "eu"
       *     ]
       */
      tags?: string[];
    };
    BulkItemDto: {
      /** Format: uuid */
      botId: string;
      /** @description Message operations: the channel (null while "every text channel" is resolved) */
      channelId?: string | null;
      /**
       * @description Why the item failed (BOT_NOT_FOUND, BOT_START_TIMEOUT, BOT_START_FAILED, …; for a message refused by Discord, its JSON error code such as 50001)
       * @example BOT_NOT_FOUND
       */
      errorCode: string | null;
      errorMessage: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      /** @description Message operations: the id of the message Discord created */
      messageId?: string | null;
      /** @enum {string} */
      status: 'pending' | 'succeeded' | 'failed';
    };
    BulkMessagesDto: {
      /**
       * @default {
       *       "parse": []
       *     }
       */
      allowedMentions: components['schemas']['AllowedMentionsDto'];
      botIds?: string[];
      channelIds?: string[];
      /** @example Restock at 18:00 UTC */
      content?: string;
      embeds?: components['schemas']['EmbedDto'][];
      /**
       * @description Every text channel each bot can send to, resolved when the message goes out
       * @enum {boolean}
       */
      everyTextChannel?: true;
      /**
       * Format: date-time
       * @description Send at this time (at most 31 days ahead) instead of at once
       */
      sendAt?: string;
      /**
       * @description Bots carrying any tag
       * @example [
       *       "eu"
       *     ]
       */
      tags?: string[];
      targets?: components['schemas']['MessageTargetDto'][];
    };
    BulkOperationAcceptedDto: {
      /**
       * Format: uuid
       * @description Follow it at GET /bulk/operations/{id}
       */
      operationId: string;
    };
    BulkOperationDto: {
      /** Format: date-time */
      completedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** @description One result per target, in request order: a page of them (see nextCursor) */
      items: components['schemas']['BulkItemDto'][];
      /** @enum {string} */
      kind: 'start' | 'stop' | 'restart' | 'message';
      /** @description Pass as ?cursor= for the next page of items */
      nextCursor: string | null;
      selection: components['schemas']['BulkSelectionDto'];
      /** Format: date-time */
      startedAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'running' | 'completed' | 'cancelled';
      totals: components['schemas']['BulkTotalsDto'];
    };
    BulkOperationSummaryDto: {
      /** Format: date-time */
      completedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'start' | 'stop' | 'restart' | 'message';
      selection: components['schemas']['BulkSelectionDto'];
      /** Format: date-time */
      startedAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'running' | 'completed' | 'cancelled';
      totals: components['schemas']['BulkTotalsDto'];
    };
    BulkSelectionDto: {
      botIds?: string[];
      /** @description Message operations: the channels */
      channelIds?: string[];
      /** @description Message operations: every text channel of each bot */
      everyTextChannel?: boolean;
      tags?: string[];
      /** @description Message operations: how many explicit targets */
      targets?: number;
    };
    BulkStockDto: {
      adjustments: components['schemas']['BulkAdjustmentDto'][];
      /** @example stocktake 2026-11 */
      reason: string;
    };
    BulkStockResultDto: {
      /** @description Adjustments applied (one ledger row each) */
      adjustments: number;
      /** @description Products whose quantity moved */
      changed: number;
      /** @description Distinct products adjusted */
      products: number;
    };
    BulkTotalsDto: {
      failed: number;
      pending: number;
      succeeded: number;
      total: number;
    };
    BulkUpsertProductsDto: {
      products: components['schemas']['ProductFieldsDto'][];
    };
    BulkUpsertResultDto: {
      created: number;
      /** @description One per row, in request order */
      products: components['schemas']['UpsertedProductDto'][];
      unchanged: number;
      updated: number;
    };
    BulkVisibilityDto: {
      /** @description Every product of this category (ignoring case) */
      category?: string;
      productIds?: string[];
      skus?: string[];
      visible: boolean;
    };
    BulkVisibilityResultDto: {
      /** @description Products whose visibility changed */
      changed: number;
      /** @description Products selected */
      matched: number;
      /** @description Given ids that match no product */
      unknownProductIds: string[];
      /** @description Given skus that match no product */
      unknownSkus: string[];
    };
    CategoryAlertDto: {
      category: string;
      channelId: string;
      roleId: string;
      /** Format: date-time */
      updatedAt: string;
    };
    CategorySummaryDto: {
      alert: components['schemas']['CategoryAlertDto'] | null;
      category: string;
      /** @description Products in this category (ignoring case) */
      products: number;
    };
    ChangeRoleDto: {
      /**
       * @example operator
       * @enum {string}
       */
      role: 'viewer' | 'operator' | 'admin';
    };
    CommandFiguresDto: {
      /** @description Finished interactions (every outcome) */
      count: number;
      /** @description Median duration in ms (rate-limited interactions never ran and are left out) */
      p50Ms: number | null;
      p95Ms: number | null;
      p99Ms: number | null;
      successCount: number;
      /**
       * @description successCount / count, 0 to 1
       * @example 0.98
       */
      successRate: number;
    };
    CommandLogDto: {
      /** Format: uuid */
      botId: string;
      channelId: string | null;
      /**
       * @description Command name (with subcommands, space-separated)
       * @example ping
       */
      command: string;
      /** @description Whether the reply was deferred (by the handler or automatically) */
      deferred: boolean;
      /** @description From arrival to the end, in ms */
      durationMs: number | null;
      /** @example COMMAND_FAILED */
      errorCode: string | null;
      /** @description What went wrong, in words */
      errorMessage: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      guildId: string | null;
      /** @description Discord interaction id (snowflake) */
      interactionId: string;
      /** @description Options by name */
      options: {
        [key: string]: unknown;
      };
      /**
       * Format: date-time
       * @description When the interaction reached the bot
       */
      startedAt: string;
      /** @enum {string} */
      status: 'started' | 'success' | 'error' | 'timed_out' | 'rate_limited';
      userId: string;
      /** @description Discord user name, when known */
      userName: string | null;
    };
    CommandLogGroupDto: {
      /** @description True when there are more matches than `count` */
      capped: boolean;
      /** @description Matches, counted up to SEARCH_GROUP_COUNT_CAP */
      count: number;
      items: components['schemas']['CommandLogSearchHitDto'][];
    };
    CommandLogSearchHitDto: {
      /** Format: uuid */
      botId: string;
      command: string;
      errorCode: string | null;
      /** @description GET /api/v1/logs/search?interactionId={interactionId} */
      interactionId: string;
      /** Format: date-time */
      startedAt: string;
      status: string;
    };
    CommandStatDto: {
      /** @example ping */
      command: string;
      /** @description Finished interactions (every outcome) */
      count: number;
      /** @description Median duration in ms (rate-limited interactions never ran and are left out) */
      p50Ms: number | null;
      p95Ms: number | null;
      p99Ms: number | null;
      successCount: number;
      /**
       * @description successCount / count, 0 to 1
       * @example 0.98
       */
      successRate: number;
    };
    CommandStatsDto: {
      /** Format: uuid */
      botId: string | null;
      commands: components['schemas']['CommandStatDto'][];
      /** Format: date-time */
      from: string;
      /** Format: date-time */
      to: string;
      /** @description Every command together */
      totals: components['schemas']['CommandFiguresDto'];
    };
    CommandWindowDto: {
      /**
       * @description Commands that ended in the window
       * @example 310
       */
      count: number;
      /**
       * @description Share that did not end in success, 0–1
       * @example 0.0123
       */
      errorRate: number;
      /** @example 35 */
      p95Ms: number | null;
      /**
       * @example 5
       * @enum {number}
       */
      windowMinutes: 1 | 5 | 15;
    };
    CreateBotDto: {
      description?: string;
      /**
       * @default stopped
       * @enum {string}
       */
      desiredState: 'running' | 'stopped';
      /** @description Guilds to register slash commands in (instead of globally) while developing */
      devGuildIds?: string[];
      /**
       * @description Gateway intent names
       * @example [
       *       "Guilds"
       *     ]
       */
      intents?: string[];
      /** @example stock-bot-eu */
      name: string;
      /**
       * @description Gateway shards: a fixed count, or `auto` for what Discord recommends (`GET /gateway/bot`) at login
       * @default 1
       * @example auto
       */
      shardCount: 'auto' | number;
      /**
       * @description Used to pick bots in bulk
       * @example [
       *       "eu",
       *       "shop"
       *     ]
       */
      tags?: string[];
      /** @description Discord bot token. Write-only: never returned. */
      token: string;
    };
    CreateProductDto: {
      /** @description Channel for restock alerts (with alertRoleId); else the category’s */
      alertChannelId?: string | null;
      /** @description Role the alert mentions */
      alertRoleId?: string | null;
      /** @example shirts */
      category?: string | null;
      /**
       * @description ISO-4217 code
       * @example EUR
       */
      currency: string;
      description?: string | null;
      /** @example 👕 */
      emoji?: string | null;
      /**
       * @description At or below this, the product counts as low on stock
       * @default 0
       */
      lowStockThreshold: number;
      /** @example Red T-shirt (M) */
      name: string;
      /**
       * @description Price in minor units of the currency (cents for EUR, yen for JPY)
       * @example 1999
       */
      priceMinor: number;
      /**
       * @description Unique, ignoring case
       * @example TEE-RED-M
       */
      sku: string;
      /** @default 0 */
      sortOrder: number;
      /**
       * @description Units in stock; null = unlimited
       * @default 0
       */
      stock: number | null;
      /**
       * @description Hidden products show on no display or command
       * @default true
       */
      visible: boolean;
    };
    CreateStockDisplayDto: {
      /**
       * Format: uuid
       * @description The bot that posts and edits the message
       */
      botId: string;
      /**
       * @description Only products in these categories; empty or absent = every category
       * @example [
       *       "fruit"
       *     ]
       */
      categories?: string[];
      /** @example 1123581321345589145 */
      channelId: string;
      /**
       * @description A disabled display has no message
       * @default true
       */
      enabled: boolean;
      /** @example 1123581321345589144 */
      guildId: string;
      /**
       * @description Show sold-out products
       * @default true
       */
      includeSoldOut: boolean;
      /**
       * @description Mark products at or under their threshold
       * @default true
       */
      lowStockMarker: boolean;
      /** @default true */
      showPrices: boolean;
      /**
       * @description `exact` counts, or only `levels` (in stock / low stock / sold out)
       * @default exact
       * @enum {string}
       */
      stockMode: 'exact' | 'levels';
      /** @example Live stock */
      title: string;
    };
    CreateUserDto: {
      /** @example ada@example.com */
      email: string;
      password: string;
      /**
       * @example viewer
       * @enum {string}
       */
      role: 'viewer' | 'operator' | 'admin';
    };
    DependencyCheckDto: {
      /** @example Redis did not answer within 1000 ms */
      error?: string;
      /**
       * @description Time the check took, in milliseconds
       * @example 2
       */
      latencyMs: number;
      /**
       * @example up
       * @enum {string}
       */
      status: 'up' | 'down';
    };
    DiscordTotalsDto: {
      /** @example 1 */
      gatewayReconnects: number;
      /**
       * @description REST requests Discord answered 429
       * @example 2
       */
      rateLimited: number;
      /**
       * @description Requests held back to stay inside a rate limit
       * @example 5
       */
      rateLimitWaits: number;
      /**
       * @description REST requests answered
       * @example 1200
       */
      requests: number;
    };
    EmbedAuthorDto: {
      /** Format: uri */
      iconUrl?: string;
      name: string;
      /** Format: uri */
      url?: string;
    };
    EmbedDto: {
      author?: components['schemas']['EmbedAuthorDto'];
      /** @description RGB as an integer */
      color?: number;
      description?: string;
      fields?: components['schemas']['EmbedFieldDto'][];
      footer?: components['schemas']['EmbedFooterDto'];
      image?: components['schemas']['EmbedMediaDto'];
      thumbnail?: components['schemas']['EmbedMediaDto'];
      /** Format: date-time */
      timestamp?: string;
      title?: string;
      /** Format: uri */
      url?: string;
    };
    EmbedFieldDto: {
      inline?: boolean;
      name: string;
      value: string;
    };
    EmbedFooterDto: {
      /** Format: uri */
      iconUrl?: string;
      text: string;
    };
    EmbedMediaDto: {
      /** Format: uri */
      url: string;
    };
    ErrorEnvelope: {
      /**
       * @description Stable upper-snake error code
       * @example USER_NOT_FOUND
       */
      code: string;
      /** @description Structured details; for VALIDATION_FAILED a list of { field, messages } */
      details?: Record<string, never>[] | Record<string, never>;
      /** @example User 3f0c… not found */
      message: string;
      /** @example 8f14e45f-ceea-467f-a0e6-5a1b2c3d4e5f */
      requestId: string;
      /** @example 404 */
      statusCode: number;
    };
    FacetCountDto: {
      /** @example 12 */
      count: number;
      /** @example error */
      value: string;
    };
    FleetDto: {
      /**
       * @example {
       *       "online": 12,
       *       "stopped": 3
       *     }
       */
      botsByStatus: {
        [key: string]: number;
      };
    };
    HealthChecksDto: {
      postgres: components['schemas']['DependencyCheckDto'];
      redis: components['schemas']['DependencyCheckDto'];
      workers: components['schemas']['WorkersCheckDto'];
    };
    HealthReportDto: {
      /** Format: date-time */
      checkedAt: string;
      checks: components['schemas']['HealthChecksDto'];
      /**
       * @description `error` when a required check is down (the response is then 503)
       * @enum {string}
       */
      status: 'ok' | 'error';
      /**
       * @description Seconds since this API process started
       * @example 3600
       */
      uptimeSeconds: number;
      /** @example 0.1.0 */
      version: string;
    };
    LogFacetsDto: {
      /** @description By bot id */
      bot?: components['schemas']['FacetCountDto'][];
      /** @description True when more rows matched than were counted: the counts then cover only the newest `countedRows` matches (between `oldestCounted` and now) */
      bounded: boolean;
      command?: components['schemas']['FacetCountDto'][];
      /** @description Rows counted (at most COMMAND_LOG_FACET_ROW_CAP) */
      countedRows: number;
      /** @description Facets with more distinct values than the 50 listed (the largest counts are listed) */
      moreValues: ('status' | 'command' | 'bot')[];
      /**
       * Format: date-time
       * @description Start time of the oldest row counted when bounded, else null
       */
      oldestCounted: string | null;
      status?: components['schemas']['FacetCountDto'][];
    };
    LoginDto: {
      /** @example ada@example.com */
      email: string;
      password: string;
    };
    LogSearchPageDto: {
      /** @description Only when `facets` was asked for */
      facets?: components['schemas']['LogFacetsDto'];
      items: components['schemas']['CommandLogDto'][];
      /** @description Pass as ?cursor= (same sort) */
      nextCursor: string | null;
    };
    LoopDelayDto: {
      /** @example 10.2 */
      p50: number;
      /** @example 21.7 */
      p99: number;
    };
    MessageTargetDto: {
      /** Format: uuid */
      botId: string;
      /** @example 1234567890123456789 */
      channelId: string;
    };
    MetricsSnapshotDto: {
      /** @description The API process that answered */
      api: components['schemas']['ProcessMetricsDto'];
      /** Format: date-time */
      at: string;
      /** @description The last 1, 5 and 15 minutes */
      commands: components['schemas']['CommandWindowDto'][];
      /** @description Summed over the live workers */
      discord: components['schemas']['DiscordTotalsDto'];
      fleet: components['schemas']['FleetDto'];
      queues: components['schemas']['QueueMetricsDto'][];
      /** @description Live workers, from their heartbeats */
      workers: components['schemas']['WorkerMetricsDto'][];
    };
    PageMeta: {
      /** @description Pass as ?cursor= for the next page */
      nextCursor: string | null;
    };
    PingDto: {
      /** @example 42 */
      avg: number | null;
      /** @example 80 */
      max: number | null;
    };
    ProcessMetricsDto: {
      /**
       * @description Over the last window of at least 1 s, per core
       * @example 3.5
       */
      cpuPercent: number;
      /** @description Event-loop delay over that window, in ms */
      eventLoopDelayMs: components['schemas']['LoopDelayDto'];
      /** @example 45678901 */
      heapUsedBytes: number;
      /** @example 123456789 */
      rssBytes: number;
      /** @example 3600 */
      uptimeSeconds: number;
    };
    ProductDto: {
      alertChannelId: string | null;
      alertRoleId: string | null;
      category: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      description: string | null;
      emoji: string | null;
      /** Format: uuid */
      id: string;
      /** @description Tracked stock at or below the threshold */
      lowStock: boolean;
      lowStockThreshold: number;
      name: string;
      /**
       * @description Minor units of the currency
       * @example 1999
       */
      priceMinor: number;
      /** @example TEE-RED-M */
      sku: string;
      sortOrder: number;
      /** @description null = unlimited */
      stock: number | null;
      /** Format: date-time */
      updatedAt: string;
      version: number;
      visible: boolean;
    };
    ProductFieldsDto: {
      /** @description Channel for restock alerts (with alertRoleId); else the category’s */
      alertChannelId?: string | null;
      /** @description Role the alert mentions */
      alertRoleId?: string | null;
      /** @example shirts */
      category?: string | null;
      /**
       * @description ISO-4217 code
       * @example EUR
       */
      currency: string;
      description?: string | null;
      /** @example 👕 */
      emoji?: string | null;
      /**
       * @description At or below this, the product counts as low on stock
       * @default 0
       */
      lowStockThreshold: number;
      /** @example Red T-shirt (M) */
      name: string;
      /**
       * @description Price in minor units of the currency (cents for EUR, yen for JPY)
       * @example 1999
       */
      priceMinor: number;
      /**
       * @description Unique, ignoring case
       * @example TEE-RED-M
       */
      sku: string;
      /** @default 0 */
      sortOrder: number;
      /**
       * @description Units in stock; null = unlimited
       * @default 0
       */
      stock: number | null;
      /**
       * @description Hidden products show on no display or command
       * @default true
       */
      visible: boolean;
    };
    ProductGroupDto: {
      /** @description True when there are more matches than `count` */
      capped: boolean;
      /** @description Matches, counted up to SEARCH_GROUP_COUNT_CAP */
      count: number;
      items: components['schemas']['ProductSearchHitDto'][];
    };
    ProductSearchHitDto: {
      category: string | null;
      /**
       * Format: uuid
       * @description GET /api/v1/products/{id}
       */
      id: string;
      name: string;
      sku: string;
    };
    QueueMetricsDto: {
      /** @example 0 */
      active: number;
      /** @example 3 */
      delayed: number;
      /** @example 0 */
      failed: number;
      /** @example scheduled-messages */
      name: string;
      /** @example 0 */
      waiting: number;
    };
    RefreshTokenDto: {
      /** @description The opaque refresh token from login or the last refresh */
      refreshToken: string;
    };
    RestockAlertDto: {
      /**
       * Format: uuid
       * @description The bot that posted the alert
       */
      botId: string;
      channelId: string;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description Discord’s code
       * @example 50013
       */
      errorCode: number | null;
      /** Format: uuid */
      id: string;
      /** @description null when posting failed */
      messageId: string | null;
      /** Format: uuid */
      productId: string;
      /** @description The role the alert mentioned (and only it) */
      roleId: string;
      /** @enum {string} */
      status: 'posted' | 'failed';
      /** @description Stock when posted; null = unlimited */
      stockAfter: number | null;
    };
    RotateTokenDto: {
      /** @description Discord bot token. Write-only: never returned. */
      token: string;
    };
    SearchResultsDto: {
      /** @description Admins only */
      audit?: components['schemas']['AuditGroupDto'];
      /** @description Viewer and up */
      bots: components['schemas']['BotGroupDto'];
      /** @description Viewer and up */
      commandLogs: components['schemas']['CommandLogGroupDto'];
      /** @description Viewer and up */
      products: components['schemas']['ProductGroupDto'];
      /** @description The query as searched (normalised) */
      q: string;
      /** @description Admins only */
      users?: components['schemas']['UserGroupDto'];
    };
    SendMessageDto: {
      /**
       * @default {
       *       "parse": []
       *     }
       */
      allowedMentions: components['schemas']['AllowedMentionsDto'];
      /** @example 1234567890123456789 */
      channelId: string;
      /** @example Restock at 18:00 UTC */
      content?: string;
      embeds?: components['schemas']['EmbedDto'][];
    };
    SentMessageDto: {
      /** Format: uuid */
      botId: string;
      channelId: string;
      /** @description The id Discord gave the message */
      id: string;
    };
    SetCategoryAlertDto: {
      /**
       * @description Channel the alert is posted in
       * @example 1098765432109876543
       */
      channelId: string;
      /**
       * @description The one role the alert mentions
       * @example 1098765432109876544
       */
      roleId: string;
    };
    SetInteractionsDto: {
      /**
       * @description `http` registers `INTERACTIONS_PUBLIC_URL/interactions/{botId}` as the application’s Interactions Endpoint URL (Discord checks it with a PING first); `gateway` clears it
       * @enum {string}
       */
      mode: 'gateway' | 'http';
      /**
       * @description The application’s Ed25519 public key (64 hex digits); fetched from Discord if absent
       * @example aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
       */
      publicKey?: string;
    };
    StockChangeDto: {
      /**
       * @description Add (or, negative, remove) this many units; give this or set
       * @example -1
       */
      delta?: number;
      /** @example sold at the counter */
      reason: string;
      /**
       * @description Set the stock to this; null makes it unlimited
       * @example 40
       */
      set?: number | null;
    };
    StockChangeResultDto: {
      /** @description null = unlimited */
      after: number | null;
      /** @description null = unlimited */
      before: number | null;
      movement: components['schemas']['StockMovementDto'];
      /** Format: uuid */
      productId: string;
      sku: string;
    };
    StockDisplayDto: {
      /** Format: uuid */
      botId: string;
      /** @description Empty = every category */
      categories: string[];
      channelId: string;
      readonly contentHash: string | null;
      /** Format: date-time */
      createdAt: string;
      enabled: boolean;
      guildId: string;
      /** Format: uuid */
      id: string;
      includeSoldOut: boolean;
      /** Format: date-time */
      readonly lastRenderedAt: string | null;
      lowStockMarker: boolean;
      /** @description Discord message ids, in order */
      readonly messageIds: string[];
      showPrices: boolean;
      /**
       * @description `pending` until first shown (or while disabled), `live`, or `error` with Discord’s code
       * @enum {string}
       */
      readonly status: 'pending' | 'live' | 'error';
      /** @example 50013 */
      readonly statusCode: number | null;
      readonly statusReason: string | null;
      /** @enum {string} */
      stockMode: 'exact' | 'levels';
      title: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    StockMovementDto: {
      /** Format: uuid */
      actorId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Change in quantity; null when a set crossed from or to unlimited */
      delta: number | null;
      /**
       * @description Increasing with every movement recorded
       * @example 1042
       */
      id: string;
      /** Format: uuid */
      productId: string;
      /** @description Stock after; null = unlimited */
      quantity: number | null;
      reason: string;
    };
    TokenPairDto: {
      /** @description JWT for `Authorization: Bearer …` */
      accessToken: string;
      /**
       * @description Seconds until the access token expires
       * @example 900
       */
      expiresIn: number;
      /** @description Opaque, single-use: exchange it at /auth/refresh for a new pair */
      refreshToken: string;
      /** Format: date-time */
      refreshTokenExpiresAt: string;
      /** @example Bearer */
      tokenType: string;
      user: components['schemas']['UserDto'];
    };
    UpdateBotDto: {
      description?: string;
      /**
       * @default stopped
       * @enum {string}
       */
      desiredState: 'running' | 'stopped';
      /** @description Guilds to register slash commands in (instead of globally) while developing */
      devGuildIds?: string[];
      /**
       * @description Gateway intent names
       * @example [
       *       "Guilds"
       *     ]
       */
      intents?: string[];
      /** @example stock-bot-eu */
      name?: string;
      /**
       * @description Gateway shards: a fixed count, or `auto` for what Discord recommends (`GET /gateway/bot`) at login
       * @default 1
       * @example auto
       */
      shardCount: 'auto' | number;
      /**
       * @description Used to pick bots in bulk
       * @example [
       *       "eu",
       *       "shop"
       *     ]
       */
      tags?: string[];
      /**
       * @description The version you read; a stale one is refused with 409
       * @example 3
       */
      version: number;
    };
    UpdateProductDto: {
      /** @description Channel for restock alerts (with alertRoleId); else the category’s */
      alertChannelId?: string | null;
      /** @description Role the alert mentions */
      alertRoleId?: string | null;
      /** @example shirts */
      category?: string | null;
      /**
       * @description ISO-4217 code
       * @example EUR
       */
      currency?: string;
      description?: string | null;
      /** @example 👕 */
      emoji?: string | null;
      /**
       * @description At or below this, the product counts as low on stock
       * @default 0
       */
      lowStockThreshold: number;
      /** @example Red T-shirt (M) */
      name?: string;
      /**
       * @description Price in minor units of the currency (cents for EUR, yen for JPY)
       * @example 1999
       */
      priceMinor?: number;
      /**
       * @description Unique, ignoring case
       * @example TEE-RED-M
       */
      sku?: string;
      /** @default 0 */
      sortOrder: number;
      /**
       * @description The version you read; a stale one is refused with 409
       * @example 3
       */
      version: number;
      /**
       * @description Hidden products show on no display or command
       * @default true
       */
      visible: boolean;
    };
    UpdateStockDisplayDto: {
      /**
       * @description Only products in these categories; empty or absent = every category
       * @example [
       *       "fruit"
       *     ]
       */
      categories?: string[];
      /**
       * @description A disabled display has no message
       * @default true
       */
      enabled: boolean;
      /**
       * @description Show sold-out products
       * @default true
       */
      includeSoldOut: boolean;
      /**
       * @description Mark products at or under their threshold
       * @default true
       */
      lowStockMarker: boolean;
      /** @default true */
      showPrices: boolean;
      /**
       * @description `exact` counts, or only `levels` (in stock / low stock / sold out)
       * @default exact
       * @enum {string}
       */
      stockMode: 'exact' | 'levels';
      /** @example Live stock */
      title?: string;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    UpsertedProductDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      outcome: 'created' | 'updated' | 'unchanged';
      sku: string;
    };
    UserDto: {
      /** Format: date-time */
      createdAt: string;
      /** @description A disabled user cannot sign in and loses access at once */
      disabled: boolean;
      /** @example ada@example.com */
      email: string;
      /** Format: uuid */
      id: string;
      /**
       * @example operator
       * @enum {string}
       */
      role: 'viewer' | 'operator' | 'admin';
      /** Format: date-time */
      updatedAt: string;
    };
    UserGroupDto: {
      /** @description True when there are more matches than `count` */
      capped: boolean;
      /** @description Matches, counted up to SEARCH_GROUP_COUNT_CAP */
      count: number;
      items: components['schemas']['UserSearchHitDto'][];
    };
    UserSearchHitDto: {
      disabled: boolean;
      email: string;
      /**
       * Format: uuid
       * @description GET /api/v1/users/{id}
       */
      id: string;
      role: string;
    };
    WorkerDto: {
      /** @example worker-1 */
      host: string;
      /** @example worker-1-4242-a1b2c3 */
      id: string;
      /**
       * @description Milliseconds since the last heartbeat
       * @example 1200
       */
      lastBeatAgeMs: number;
      /** @example 4242 */
      pid: number;
      /** Format: date-time */
      startedAt: string;
    };
    WorkerMetricsDto: {
      /**
       * @example {
       *       "online": 12,
       *       "stopped": 3
       *     }
       */
      botsByStatus: {
        [key: string]: number;
      };
      /** @example 42 */
      commandsPerMinute: number;
      /** @example 12.5 */
      cpuPercent: number;
      /** @description Since the worker started */
      discord: components['schemas']['DiscordTotalsDto'];
      /** @description Gateway heartbeat latency of its bots, in ms */
      gatewayPingMs: components['schemas']['PingDto'];
      /** @example worker-1 */
      host: string;
      /** @example worker-1-4242-a1b2c3 */
      id: string;
      /**
       * @description Milliseconds since the last heartbeat
       * @example 1200
       */
      lastBeatAgeMs: number;
      /** @example 4242 */
      pid: number;
      /** @example 223456789 */
      rssBytes: number;
      /** Format: date-time */
      startedAt: string;
      /** @example 3600 */
      uptimeSeconds: number;
    };
    WorkersCheckDto: {
      /**
       * @description Live workers (heartbeat within its TTL)
       * @example 1
       */
      count: number;
      /** @example Redis did not answer within 1000 ms */
      error?: string;
      /** @description Each live worker (host, PID); only for signed-in callers */
      items?: components['schemas']['WorkerDto'][];
      /**
       * @description Time the check took, in milliseconds
       * @example 2
       */
      latencyMs: number;
      /** @description Whether health fails without a live worker (HEALTH_REQUIRE_WORKER) */
      required: boolean;
      /**
       * @example up
       * @enum {string}
       */
      status: 'up' | 'down';
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
  AuditEntries_list: {
    parameters: {
      query?: {
        /** @description Exact action name */
        action?: string;
        /** @description Only entries by this user */
        actorId?: string;
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        /** @description Entries at or after this time (ISO-8601) */
        from?: string;
        limit?: number;
        outcome?: 'success' | 'failure' | 'denied';
        /** @description Full text in web-search syntax (`word`, `"a phrase"`, `a OR b`, `-excluded`) over the action, resource, error code, path, actor email and the values of the change sets */
        q?: string;
        /** @description Resource id (usually with resourceType) */
        resourceId?: string;
        /** @description Resource type */
        resourceType?: string;
        /** @description Entries at or before this time (ISO-8601); not before `from` */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageMeta'] & {
            items: components['schemas']['AuditEntryDto'][];
          };
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Auth_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      /** @description Signed in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenPairDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description RATE_LIMITED: Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Auth_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshTokenDto'];
      };
    };
    responses: {
      /** @description The login this refresh token belongs to is revoked (idempotent) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Auth_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The signed-in user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Auth_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshTokenDto'];
      };
    };
    responses: {
      /** @description A new pair; the presented refresh token is used up */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenPairDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Bots_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        limit?: number;
        /** @description Case-insensitive substring of the name */
        name?: string;
        status?: 'stopped' | 'starting' | 'online' | 'reconnecting' | 'error' | 'unknown';
        /** @description Only bots carrying this tag */
        tag?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageMeta'] & {
            items: components['schemas']['BotDto'][];
          };
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Bots_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateBotDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Bots_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Bots_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Bots_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateBotDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BotInteractions_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetInteractionsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNPROCESSABLE_ENTITY: Unexpected error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description ERROR: Unexpected error */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BotMessages_send: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SendMessageDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SentMessageDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNPROCESSABLE_ENTITY: Unexpected error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description ERROR: Unexpected error */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BotMetrics_forBot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotMetricsDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description SERVICE_UNAVAILABLE: A required dependency is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BotLifecycle_restart: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotLifecycleDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BotLifecycle_shards: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotShardsDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BotLifecycle_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotLifecycleDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BotLifecycle_stop: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotLifecycleDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Bots_rotateToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RotateTokenDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNPROCESSABLE_ENTITY: Unexpected error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description ERROR: Unexpected error */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Bots_validate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BotDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNPROCESSABLE_ENTITY: Unexpected error */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description ERROR: Unexpected error */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BulkOperations_restart: {
    parameters: {
      query?: never;
      header?: {
        /** @description Repeat the request with the same key to get the same operation back; the same key with another body is refused with 409 IDEMPOTENCY_KEY_REUSED */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkBotsDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkOperationAcceptedDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BulkOperations_start: {
    parameters: {
      query?: never;
      header?: {
        /** @description Repeat the request with the same key to get the same operation back; the same key with another body is refused with 409 IDEMPOTENCY_KEY_REUSED */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkBotsDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkOperationAcceptedDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BulkOperations_stop: {
    parameters: {
      query?: never;
      header?: {
        /** @description Repeat the request with the same key to get the same operation back; the same key with another body is refused with 409 IDEMPOTENCY_KEY_REUSED */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkBotsDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkOperationAcceptedDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BulkMessages_send: {
    parameters: {
      query?: never;
      header?: {
        /** @description Repeat the request with the same key to get the same operation back; the same key with another body is refused with 409 IDEMPOTENCY_KEY_REUSED */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkMessagesDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkOperationAcceptedDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BulkOperations_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        kind?: 'start' | 'stop' | 'restart' | 'message';
        limit?: number;
        status?: 'pending' | 'running' | 'completed' | 'cancelled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageMeta'] & {
            items: components['schemas']['BulkOperationSummaryDto'][];
          };
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BulkOperations_get: {
    parameters: {
      query?: {
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkOperationDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  BulkOperations_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkOperationSummaryDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CatalogBulk_upsertProducts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkUpsertProductsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkUpsertResultDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CatalogBulk_adjustStock: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkStockDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkStockResultDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CatalogBulk_setVisibility: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkVisibilityDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkVisibilityResultDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CommandStats_stats: {
    parameters: {
      query?: {
        /** @description Only commands served by this bot */
        botId?: string;
        /** @description Start of the range, inclusive (default: 24 hours before `to`) */
        from?: string;
        /** @description End of the range, inclusive (default: now); not before `from` */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandStatsDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CommandLogs_failed: {
    parameters: {
      query?: {
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        limit?: number;
        /** @description Only this outcome (default: every one but success) */
        status?: 'error' | 'timed_out' | 'rate_limited';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageMeta'] & {
            items: components['schemas']['CommandLogDto'][];
          };
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CommandLogs_recent: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandLogDto'][];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CommandLogs_search: {
    parameters: {
      query?: {
        /** @description Bot ids (UUIDs), comma-separated or repeated; at most 50 */
        botIds?: string;
        /** @description Channel id (snowflake) */
        channelId?: string;
        /** @description Exact command name */
        command?: string;
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        /** @description Only (not) deferred replies */
        deferred?: 'true' | 'false';
        /** @description Exact error code */
        errorCode?: string;
        /** @description Facets to count over the filtered set, comma-separated: status, command, bot */
        facets?: string;
        /** @description Started at or after (inclusive) */
        from?: string;
        /** @description Guild id (snowflake) */
        guildId?: string;
        /** @description One interaction (snowflake) */
        interactionId?: string;
        limit?: number;
        /** @description Duration at most (ms); not below min */
        maxDurationMs?: number;
        /** @description Duration at least (ms) */
        minDurationMs?: number;
        /** @description Full text in web-search syntax over the command, option values, error code and message and the user name: `word`, `"a phrase"`, `a OR b`, `-excluded` */
        q?: string;
        sort?: 'newest' | 'oldest' | 'slowest';
        /** @description Statuses, comma-separated: started, success, error, timed_out, rate_limited */
        statuses?: string;
        /** @description Started before (exclusive) */
        to?: string;
        /** @description Discord user id (snowflake) */
        userId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LogSearchPageDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CommandLogs_byUser: {
    parameters: {
      query?: {
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        /** @description Discord user id (snowflake) */
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageMeta'] & {
            items: components['schemas']['CommandLogDto'][];
          };
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Health_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every required dependency is up */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReportDto'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description A required dependency is down; `checks` says which */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReportDto'];
        };
      };
    };
  };
  Metrics_snapshot: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MetricsSnapshotDto'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description SERVICE_UNAVAILABLE: A required dependency is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CategoryAlerts_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategorySummaryDto'][];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CategoryAlerts_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Category name (ignoring case), URL-encoded */
        category: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetCategoryAlertDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryAlertDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  CategoryAlerts_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Category name (ignoring case), URL-encoded */
        category: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Products_list: {
    parameters: {
      query?: {
        /** @description Only this category (ignoring case) */
        category?: string;
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        limit?: number;
        /** @description true: tracked stock at or below the low-stock threshold; false: the others */
        lowStock?: boolean;
        /** @description true: tracked stock at 0; false: in stock or unlimited */
        outOfStock?: boolean;
        /** @description Prefix of the name or the sku, ignoring case */
        q?: string;
        visible?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageMeta'] & {
            items: components['schemas']['ProductDto'][];
          };
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Products_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProductDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Products_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Products_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Products_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProductDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Stock_movements: {
    parameters: {
      query?: {
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageMeta'] & {
            items: components['schemas']['StockMovementDto'][];
          };
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  RestockAlerts_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageMeta'] & {
            items: components['schemas']['RestockAlertDto'][];
          };
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Stock_change: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StockChangeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockChangeResultDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  SearchBox_search: {
    parameters: {
      query: {
        /** @description Hits per group */
        limit?: number;
        /** @description Web-search syntax: `word`, `"a phrase"`, `a OR b`, `-excluded` (whole words) */
        q: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchResultsDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  StockDisplays_list: {
    parameters: {
      query?: {
        botId?: string;
        channelId?: string;
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        limit?: number;
        status?: 'pending' | 'live' | 'error';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageMeta'] & {
            items: components['schemas']['StockDisplayDto'][];
          };
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  StockDisplays_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateStockDisplayDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockDisplayDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  StockDisplays_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockDisplayDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  StockDisplays_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  StockDisplays_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateStockDisplayDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockDisplayDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  StockDisplays_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StockDisplayDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /**
       * @description INTERNAL_ERROR: Unexpected error
       *
       *     INTERNAL_ERROR: Unexpected error
       */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Users_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from a previous page’s nextCursor */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Users, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageMeta'] & {
            items: components['schemas']['UserDto'][];
          };
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Users_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Users_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Users_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted, with all their sessions */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Users_disable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Disabled; their sessions end at once */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Users_enable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  Users_changeRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeRoleDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description FORBIDDEN: Your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description CONFLICT: Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
  HttpInteractions_receive: {
    parameters: {
      query?: never;
      header: {
        'X-Signature-Ed25519': string;
        'X-Signature-Timestamp': string;
      };
      path: {
        botId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description PONG to a PING, or the initial response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Answered through the callback route */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description BAD_REQUEST: Validation failed or malformed request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description UNAUTHENTICATED: Missing, expired or invalid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description NOT_FOUND: Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
      /** @description INTERNAL_ERROR: Unexpected error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelope'];
        };
      };
    };
  };
}
