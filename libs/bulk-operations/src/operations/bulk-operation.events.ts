import type { BulkKind, ItemStatus, OperationStatus } from './bulk-operation.entity';

export interface OperationTotals {
  total: number;
  pending: number;
  succeeded: number;
  failed: number;
}

/**
 * Published when an operation is created and after each of its items finishes. Dashboards
 * follow one operation on the realtime topic `operation:{operationId}`.
 */
export interface OperationProgressEvent {
  operationId: string;
  kind: BulkKind;
  status: OperationStatus;
  totals: OperationTotals;
  /** The item whose result caused this event; absent on the creation event. */
  item?: { botId: string; channelId?: string; status: ItemStatus; errorCode: string | null };
}

/** Topic dashboards subscribe to for one operation's progress. */
export const operationTopic = (operationId: string) => `operation:${operationId}`;

declare module '@botdeck/core' {
  interface BotdeckEvents {
    'operation.progress': OperationProgressEvent;
  }
}
