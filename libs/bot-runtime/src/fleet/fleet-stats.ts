import type { BotStatus } from '@botdeck/bot-config';
import { Injectable } from '@nestjs/common';
import { BotFleet } from './bot-fleet.service';
import { DiscordMetrics, type DiscordTotals } from './discord-metrics';

/** One bot this worker runs, as its heartbeat describes it. */
export interface RunningBotSample {
  id: string;
  status: BotStatus;
  /** Gateway heartbeat latency, null until one is acknowledged. */
  pingMs: number | null;
  guilds: number;
}

export interface FleetSample {
  botsByStatus: Partial<Record<BotStatus, number>>;
  gatewayPingMs: { avg: number | null; max: number | null };
  bots: RunningBotSample[];
  discord: DiscordTotals;
}

/** What this worker's fleet looks like right now; read at every heartbeat. */
@Injectable()
export class FleetStats {
  constructor(
    private readonly fleet: BotFleet,
    private readonly discord: DiscordMetrics,
  ) {}

  sample(): FleetSample {
    const botsByStatus: Partial<Record<BotStatus, number>> = {};
    const bots: RunningBotSample[] = [];
    for (const id of this.fleet.ids()) {
      const session = this.fleet.get(id);
      if (!session) continue;
      botsByStatus[session.status] = (botsByStatus[session.status] ?? 0) + 1;
      const gateway = session.gateway();
      bots.push({
        id,
        status: session.status,
        pingMs: gateway?.pingMs ?? null,
        guilds: gateway?.guilds ?? 0,
      });
    }
    const pings = bots.map((bot) => bot.pingMs).filter((ping): ping is number => ping !== null);
    return {
      botsByStatus,
      gatewayPingMs: {
        avg: pings.length
          ? Math.round(pings.reduce((sum, ping) => sum + ping, 0) / pings.length)
          : null,
        max: pings.length ? pings.reduce((top, ping) => Math.max(top, ping)) : null,
      },
      bots,
      discord: this.discord.totals(),
    };
  }
}
