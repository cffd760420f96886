import type { DisplayStatus } from './stock-display.entity';

/**
 * A display was created, changed, refreshed or deleted through the API: a nudge to the worker
 * that owns its bot. The row is the truth; a worker that missed this catches up on its
 * periodic check.
 */
export interface StockDisplayChangedEvent {
  displayId: string;
  botId: string;
  change: 'created' | 'updated' | 'refresh' | 'deleted';
}

/** A display's status changed (published by the owning worker after storing it). */
export interface StockDisplayStatusEvent {
  displayId: string;
  botId: string;
  status: DisplayStatus;
  /** Discord's JSON error code when `error`. */
  code: number | null;
  reason: string | null;
  messageIds: string[];
}

declare module '@botdeck/core' {
  interface BotdeckEvents {
    'stock-display.changed': StockDisplayChangedEvent;
    'stock-display.status': StockDisplayStatusEvent;
  }
}
