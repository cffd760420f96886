import type { BotRuntimeView } from '@botdeck/bot-config';

/** Where a bot stands: what operators want and what the runtime reports (see the README). */
export interface BotLifecycleState extends BotRuntimeView {
  botId: string;
  name: string;
  /** The bot's version, which a change of desired state moves on. */
  version: number;
}
