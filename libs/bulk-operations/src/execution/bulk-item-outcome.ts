import type { BotStatus } from '@botdeck/bot-config';
import type { LifecycleKind as BulkKind } from '../operations/bulk-operation.entity';
import type { ItemResult } from '../operations/bulk-operations.repository';

/** What is known of a bot when deciding its item: a status, why, and whether it is news. */
export interface ObservedStatus {
  status: BotStatus;
  reason: string | null;
  /** The status was reached after the operation asked for the change. */
  sinceRequest: boolean;
}

/**
 * Whether a bot's status settles its item, and how; null while it has not. A start succeeds
 * once the bot is `online`; a restart only with an `online` reached after the request (the old
 * session was online too). Both fail on an `error` reached after the request (an earlier one
 * is what the request retries). A stop succeeds on `stopped`, or on `error`: not running either.
 * `unknown` (no worker vouches for the bot) settles nothing: the runtime is still at it.
 */
export function itemOutcome(kind: BulkKind, seen: ObservedStatus): ItemResult | null {
  if (kind === 'stop') {
    return seen.status === 'stopped' || seen.status === 'error' ? { status: 'succeeded' } : null;
  }
  if (seen.status === 'online' && (kind === 'start' || seen.sinceRequest)) {
    return { status: 'succeeded' };
  }
  if (seen.status === 'error' && seen.sinceRequest) {
    return {
      status: 'failed',
      errorCode: `BOT_${kind.toUpperCase()}_FAILED`,
      errorMessage: seen.reason ?? 'The bot ended in error',
    };
  }
  return null;
}

/** The result of an item that ran out of time. */
export function timedOut(kind: BulkKind, botId: string, seen: ObservedStatus): ItemResult {
  const goal = kind === 'stop' ? 'stopped' : 'online';
  const reason = seen.reason ? `: ${seen.reason}` : '';
  return {
    status: 'failed',
    errorCode: `BOT_${kind.toUpperCase()}_TIMEOUT`,
    errorMessage: `Bot ${botId} did not reach ${goal} in time (it is ${seen.status}${reason})`,
  };
}
