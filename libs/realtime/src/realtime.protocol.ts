import type { AuditRecordedEvent } from '@botdeck/audit';
import type { BotStatus, BotStatusEvent } from '@botdeck/bot-config';
import type { OperationProgressEvent } from '@botdeck/bulk-operations';
import type { ProductsChangedEvent, StockChangedEvent } from '@botdeck/catalog';
import type { CommandLoggedEvent } from '@botdeck/commands';
import type { MetricsSnapshot, WorkerChangeEvent } from '@botdeck/monitoring';
import type { StockDisplayChangedEvent, StockDisplayStatusEvent } from '@botdeck/stock-display';

/**
 * The socket.io protocol at path `/realtime`, shared by the gateway and TypeScript clients:
 *
 * ```ts
 * const socket: Socket<RealtimeServerEvents, RealtimeClientEvents> = io(url, {
 *   path: REALTIME_PATH, auth: { token }, transports: ['websocket'],
 * });
 * ```
 */
export const REALTIME_PATH = '/realtime';

/** Bus events a dashboard can receive, each under its own name and with the bus's payload. */
export interface RealtimeEvents {
  'bot.status': BotStatusEvent;
  'command.logged': CommandLoggedEvent;
  'operation.progress': OperationProgressEvent;
  'catalog.stock.changed': StockChangedEvent;
  'catalog.products.changed': ProductsChangedEvent;
  'stock-display.changed': StockDisplayChangedEvent;
  'stock-display.status': StockDisplayStatusEvent;
  'monitoring.worker': WorkerChangeEvent;
  'monitoring.snapshot': MetricsSnapshot;
  'audit.recorded': AuditRecordedEvent;
}

export type RealtimeEventName = keyof RealtimeEvents;

/** One bot as the `bots` snapshot shows it. */
export interface BotStatusSnapshot {
  botId: string;
  name: string;
  status: BotStatus;
  reason: string | null;
  /** ISO-8601. */
  changedAt: string;
}

/** What a topic looks like right now, sent once after subscribing (where it makes sense). */
export type TopicSnapshot =
  | {
      topic: 'bots';
      bots: BotStatusSnapshot[];
      /** More bots exist than REALTIME_SNAPSHOT_MAX_BOTS; the others arrive as they change. */
      truncated: boolean;
    }
  | { topic: `bot:${string}`; bot: BotStatusSnapshot }
  | { topic: `operation:${string}`; operation: OperationProgressEvent };

export interface DeniedTopic {
  /** As sent (cut to 200 characters), or its JSON type when it was not a string. */
  topic: string;
  code: string;
}

/** A request the server refused as a whole (not `{ topics: string[] }`, too many topics…). */
export interface RealtimeError {
  code: string;
  message: string;
}

export interface SubscribeAck {
  subscribed: string[];
  denied: DeniedTopic[];
  error?: RealtimeError;
}

export interface UnsubscribeAck {
  unsubscribed: string[];
  error?: RealtimeError;
}

export type RefreshAck = { expiresAt: string } | { error: RealtimeError };

/** The server → client events. */
export type RealtimeServerEvents = {
  [K in RealtimeEventName]: (payload: RealtimeEvents[K]) => void;
} & {
  snapshot: (snapshot: TopicSnapshot) => void;
  /** Topics the socket no longer receives because its user's role went down. */
  'topics.revoked': (revoked: { topics: DeniedTopic[] }) => void;
  /** Sent just before the server disconnects the socket: why (TOKEN_EXPIRED, USER_DISABLED…). */
  'session.closing': (reason: RealtimeError) => void;
};

/** The client → server events; each takes an acknowledgement callback. */
export interface RealtimeClientEvents {
  subscribe: (request: { topics: string[] }, ack: (result: SubscribeAck) => void) => void;
  unsubscribe: (request: { topics: string[] }, ack: (result: UnsubscribeAck) => void) => void;
  /** A fresh access token of the same user, before the current one expires. */
  'auth:refresh': (request: { token: string }, ack: (result: RefreshAck) => void) => void;
}
