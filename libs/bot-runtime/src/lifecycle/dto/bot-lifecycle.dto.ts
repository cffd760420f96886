import {
  BOT_STATUSES,
  type BotStatus,
  DESIRED_STATES,
  type DesiredState,
} from '@botdeck/bot-config';
import { ApiProperty } from '@nestjs/swagger';
import type { BotLifecycleState } from '../bot-lifecycle-state';

/** The answer to a lifecycle request: accepted, and where the bot stands right now. */
export class BotLifecycleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DESIRED_STATES }) desiredState!: DesiredState;
  @ApiProperty({
    enum: BOT_STATUSES,
    description: 'Current status; the change requested happens asynchronously in a worker',
  })
  status!: BotStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty({ format: 'date-time' }) statusChangedAt!: string;
  @ApiProperty({ description: 'The bot’s version; a change of desired state moves it on' })
  version!: number;

  static from(state: BotLifecycleState): BotLifecycleDto {
    return {
      id: state.botId,
      name: state.name,
      desiredState: state.desiredState,
      status: state.status,
      statusReason: state.statusReason,
      statusChangedAt: state.statusChangedAt.toISOString(),
      version: state.version,
    };
  }
}
