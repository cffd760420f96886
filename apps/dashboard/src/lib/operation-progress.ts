import type { OperationProgressEvent } from '@botdeck/bulk-operations';
import type { BulkItem, BulkOperation, BulkTotals } from '../api/types';

/** What the progress bar and the per-bot results show for one bulk operation. */
export interface OperationView {
  id: string;
  kind: BulkOperation['kind'];
  status: BulkOperation['status'];
  totals: BulkTotals;
  /** Keyed by bot (and channel, for messages), latest result wins. */
  items: Record<
    string,
    Pick<BulkItem, 'botId' | 'status' | 'errorCode'> & { channelId?: string | null }
  >;
}

const itemKey = (item: { botId: string; channelId?: string | null }) =>
  item.channelId ? `${item.botId}/${item.channelId}` : item.botId;

export function fromOperation(operation: BulkOperation): OperationView {
  const items: OperationView['items'] = {};
  for (const item of operation.items) items[itemKey(item)] = item;
  return {
    id: operation.id,
    kind: operation.kind,
    status: operation.status,
    totals: operation.totals,
    items,
  };
}

const DONE = new Set<OperationView['status']>(['completed', 'cancelled']);

/**
 * Folds a progress event into the view. Events may arrive out of order or twice (the snapshot
 * and a live event race): totals never go backwards and a finished operation stays finished.
 */
export function applyProgress(
  view: OperationView | null,
  event: OperationProgressEvent,
): OperationView {
  const base: OperationView = view ?? {
    id: event.operationId,
    kind: event.kind,
    status: event.status,
    totals: event.totals,
    items: {},
  };
  const settled = (t: BulkTotals) => t.succeeded + t.failed;
  const newer = settled(event.totals) >= settled(base.totals);
  const items = { ...base.items };
  if (event.item) items[itemKey(event.item)] = event.item;
  return {
    ...base,
    status: DONE.has(base.status) ? base.status : event.status,
    totals: newer ? event.totals : base.totals,
    items,
  };
}

/** Share of items settled, 0–100, for the progress bar. */
export function percentDone(totals: BulkTotals): number {
  if (totals.total === 0) return 100;
  return Math.round(((totals.succeeded + totals.failed) / totals.total) * 100);
}
