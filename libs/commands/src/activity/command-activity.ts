import { UnitOfWork } from '@botdeck/core';
import { Injectable } from '@nestjs/common';

/** The recent windows the fleet view shows, in minutes. */
export const ACTIVITY_WINDOWS = [1, 5, 15] as const;
export type ActivityWindow = (typeof ACTIVITY_WINDOWS)[number];

export interface CommandWindowFigures {
  windowMinutes: ActivityWindow;
  /** Commands that ended in the window (still running ones are not counted yet). */
  count: number;
  /** Share of those that did not end in `success`, 0–1. */
  errorRate: number;
  /** 95th percentile duration, null when none ended. */
  p95Ms: number | null;
}

export interface BotCommandFigures {
  /** Commands that ended over the period. */
  count: number;
  /** Of those, the ones that did not end in `success`. */
  errors: number;
}

interface WindowRow {
  c1: number;
  e1: number;
  p1: number | null;
  c5: number;
  e5: number;
  p5: number | null;
  c15: number;
  e15: number;
  p15: number | null;
}

/**
 * Small read-only figures over `command_logs` for monitoring. Each is one statement that walks
 * only an index range (`created_at` for the fleet windows, `(bot_id, created_at)` for one bot),
 * so its cost follows the traffic of the period, not the size of the history.
 */
@Injectable()
export class CommandActivity {
  constructor(private readonly uow: UnitOfWork) {}

  /** The last 1, 5 and 15 minutes in one pass over the last 15. */
  async recentWindows(): Promise<CommandWindowFigures[]> {
    const parts = ACTIVITY_WINDOWS.map((minutes) => {
      const within = `created_at >= now() - interval '${minutes} minutes'`;
      return `(count(*) FILTER (WHERE ${within}))::int AS c${minutes},
              (count(*) FILTER (WHERE ${within} AND status <> 'success'))::int AS e${minutes},
              percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)
                FILTER (WHERE ${within}) AS p${minutes}`;
    });
    const [row] = await this.uow.manager.query<WindowRow[]>(
      `SELECT ${parts.join(',\n')}
         FROM command_logs
        WHERE created_at >= now() - interval '${Math.max(...ACTIVITY_WINDOWS)} minutes'
          AND status <> 'started'`,
    );
    return ACTIVITY_WINDOWS.map((minutes) => {
      const count = Number(row?.[`c${minutes}`] ?? 0);
      const errors = Number(row?.[`e${minutes}`] ?? 0);
      const p95 = row?.[`p${minutes}`];
      return {
        windowMinutes: minutes,
        count,
        errorRate: count === 0 ? 0 : round(errors / count, 4),
        p95Ms: p95 === null || p95 === undefined ? null : Math.round(Number(p95)),
      };
    });
  }

  /** One bot's commands over the last `hours`. */
  async forBot(botId: string, hours: number): Promise<BotCommandFigures> {
    const [row] = await this.uow.manager.query<Array<{ count: number; errors: number }>>(
      `SELECT count(*)::int AS count,
              (count(*) FILTER (WHERE status <> 'success'))::int AS errors
         FROM command_logs
        WHERE bot_id = $1 AND created_at >= now() - make_interval(hours => $2)
          AND status <> 'started'`,
      [botId, hours],
    );
    return { count: Number(row?.count ?? 0), errors: Number(row?.errors ?? 0) };
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
