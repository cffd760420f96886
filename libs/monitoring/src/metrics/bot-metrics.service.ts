import { BotLifecycleService } from '@botdeck/bot-runtime';
import { CommandActivity } from '@botdeck/commands';
import { bounded } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { WorkerRegistry, type BotLiveFigures } from '../workers/worker-registry';
import type { BotMetricsDto } from './dto/bot-metrics.dto';

const COMMANDS_PERIOD_HOURS = 24;
const LIVE_READ_TIMEOUT_MS = 500;
const RUNNING = new Set(['starting', 'online', 'reconnecting']);

/** One bot's figures: its time online, gateway figures from its worker, its commands. */
@Injectable()
export class BotMetricsService {
  constructor(
    private readonly lifecycle: BotLifecycleService,
    private readonly workers: WorkerRegistry,
    private readonly commands: CommandActivity,
  ) {}

  async forBot(botId: string): Promise<BotMetricsDto> {
    // Throws BOT_NOT_FOUND first; the status is checked against the lease like everywhere.
    const state = await this.lifecycle.getState(botId);
    const [live, commands] = await Promise.all([
      RUNNING.has(state.status) ? this.readLive(botId) : Promise.resolve(null),
      this.commands.forBot(botId, COMMANDS_PERIOD_HOURS),
    ]);
    const online = state.status === 'online';
    // Bots keep no status history yet: the current status's start is the best record there is.
    const since = online ? state.statusChangedAt : null;
    return {
      botId,
      status: state.status,
      time: {
        online,
        since: since?.toISOString() ?? null,
        seconds: since ? Math.max(0, Math.round((Date.now() - since.getTime()) / 1000)) : 0,
      },
      gateway: {
        pingMs: live?.pingMs ?? null,
        guilds: live?.guilds ?? null,
        workerId: live?.workerId ?? null,
        reportedAt: live?.at ?? null,
      },
      commands: { periodHours: COMMANDS_PERIOD_HOURS, ...commands },
    };
  }

  /** The worker's last word on the bot; nothing (rather than an error) while Redis is away. */
  private async readLive(botId: string): Promise<BotLiveFigures | null> {
    try {
      return await bounded(this.workers.botLive(botId), LIVE_READ_TIMEOUT_MS, 'Redis');
    } catch {
      return null;
    }
  }
}
