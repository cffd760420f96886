import { ApiProperty } from '@nestjs/swagger';
import type { CommandLogRecord } from '../../tracking/command-log-record';
import { COMMAND_OUTCOMES, type CommandLogEntity, type CommandStatus } from '../command-log.entity';

export class CommandLogDto {
  @ApiProperty({ description: 'Discord interaction id (snowflake)' })
  interactionId!: string;

  @ApiProperty({ format: 'uuid' })
  botId!: string;

  @ApiProperty({ type: String, nullable: true })
  guildId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  channelId!: string | null;

  @ApiProperty()
  userId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Discord user name, when known' })
  userName!: string | null;

  @ApiProperty({ example: 'ping', description: 'Command name (with subcommands, space-separated)' })
  command!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Options by name' })
  options!: Record<string, unknown>;

  @ApiProperty({ enum: ['started', ...COMMAND_OUTCOMES] })
  status!: CommandStatus;

  @ApiProperty({ type: String, nullable: true, example: 'COMMAND_FAILED' })
  errorCode!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What went wrong, in words' })
  errorMessage!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'From arrival to the end, in ms' })
  durationMs!: number | null;

  @ApiProperty({ description: 'Whether the reply was deferred (by the handler or automatically)' })
  deferred!: boolean;

  @ApiProperty({ format: 'date-time', description: 'When the interaction reached the bot' })
  startedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: string | null;

  static from(entity: CommandLogEntity): CommandLogDto {
    return Object.assign(new CommandLogDto(), {
      interactionId: entity.id,
      botId: entity.botId,
      guildId: entity.guildId,
      channelId: entity.channelId,
      userId: entity.userId,
      userName: entity.userName ?? null,
      command: entity.command,
      options: entity.options,
      status: entity.status,
      errorCode: entity.errorCode,
      errorMessage: entity.errorMessage ?? null,
      durationMs: entity.durationMs,
      deferred: entity.deferred,
      startedAt: entity.createdAt.toISOString(),
      finishedAt: entity.finishedAt?.toISOString() ?? null,
    });
  }

  static fromRecord(record: CommandLogRecord): CommandLogDto {
    const { createdAt, userName, errorMessage, ...rest } = record;
    return Object.assign(new CommandLogDto(), {
      ...rest,
      userName: userName ?? null,
      errorMessage: errorMessage ?? null,
      startedAt: createdAt,
    });
  }
}
