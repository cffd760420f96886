import type { BotEntity, BotStatus, DesiredState } from '@botdeck/bot-config';

/** Where a bot stands: what operators want and what the runtime reports. */
export interface BotLifecycleState {
  botId: string;
  name: string;
  desiredState: DesiredState;
  status: BotStatus;
  statusReason: string | null;
  statusChangedAt: Date;
}

export function lifecycleState(bot: BotEntity): BotLifecycleState {
  return {
    botId: bot.id,
    name: bot.name,
    desiredState: bot.desiredState,
    status: bot.status,
    statusReason: bot.statusReason,
    statusChangedAt: bot.statusChangedAt,
  };
}
