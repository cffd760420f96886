import { EventBus } from '@botdeck/core';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { commandsConfig, type CommandsConfig } from '../commands.config';
import { CommandLogDto } from '../logs/dto/command-log.dto';
import type { CommandLogEntity } from '../logs/command-log.entity';
import { COMMAND_ERRORS } from '../commands.errors';

interface SweptRow {
  interaction_id: string;
  bot_id: string;
  guild_id: string | null;
  channel_id: string | null;
  user_id: string;
  command: string;
  options: Record<string, unknown>;
  error_code: string;
  duration_ms: number;
  deferred: boolean;
  created_at: Date;
  finished_at: Date;
}

/**
 * Marks commands still open after `COMMAND_TIMEOUT_MS` as `timed_out` (their worker died, or
 * the handler hangs). Every worker sweeps; the conditional UPDATE lets each row be moved, and
 * announced, by exactly one of them.
 */
@Injectable()
export class CommandSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CommandSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(commandsConfig.KEY) private readonly config: CommandsConfig,
    private readonly events: EventBus,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((error: unknown) => this.logger.error({ err: error }, 'Command sweep failed'))
        .finally(() => (this.sweeping = undefined));
    }, this.config.sweepIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Returns how many commands were marked `timed_out`. */
  async sweep(): Promise<number> {
    const [rows] = await this.dataSource.query<[SweptRow[], number]>(
      `UPDATE command_logs
          SET status = 'timed_out', error_code = $2, finished_at = now(),
              -- A row found weeks late (a worker down that long) would overflow the column.
              duration_ms = LEAST(extract(epoch FROM now() - created_at) * 1000, 2147483647)::integer
        WHERE status = 'started' AND created_at < now() - make_interval(secs => $1::float8 / 1000)
        RETURNING interaction_id, bot_id, guild_id, channel_id, user_id, command, options,
                  error_code, duration_ms, deferred, created_at, finished_at`,
      [this.config.timeoutMs, COMMAND_ERRORS.COMMAND_TIMED_OUT],
    );
    for (const row of rows) {
      const entity: CommandLogEntity = {
        id: row.interaction_id,
        botId: row.bot_id,
        guildId: row.guild_id,
        channelId: row.channel_id,
        userId: row.user_id,
        command: row.command,
        options: row.options,
        status: 'timed_out',
        errorCode: row.error_code,
        durationMs: row.duration_ms,
        deferred: row.deferred,
        createdAt: new Date(row.created_at),
        finishedAt: new Date(row.finished_at),
      };
      await this.events.publish('command.logged', CommandLogDto.from(entity));
    }
    if (rows.length > 0) this.logger.warn({ count: rows.length }, 'Marked commands as timed out');
    return rows.length;
  }
}
