import type { BotStatus } from '@botdeck/bot-config';

/** Where a bot stands, as much of it as a bulk operation needs. */
export interface LifecycleSnapshot {
  status: BotStatus;
  statusReason: string | null;
  statusChangedAt: Date;
}

/**
 * What bulk operations need from the bot runtime. `BotLifecycleService` satisfies it as is;
 * the port keeps the runner testable and this lib's contract with the runtime explicit.
 * Methods throw an `AppError` coded `BOT_NOT_FOUND` for an unknown bot, and `waitForStatus`
 * throws one coded `BOT_STATUS_TIMEOUT` when the time runs out.
 */
export interface BulkLifecycle {
  requestStart(botId: string): Promise<LifecycleSnapshot>;
  requestStop(botId: string): Promise<LifecycleSnapshot>;
  requestRestart(botId: string): Promise<LifecycleSnapshot>;
  waitForStatus(
    botId: string,
    statuses: readonly BotStatus[],
    timeoutMs: number,
  ): Promise<LifecycleSnapshot>;
}

export const BULK_LIFECYCLE = Symbol('BULK_LIFECYCLE');
