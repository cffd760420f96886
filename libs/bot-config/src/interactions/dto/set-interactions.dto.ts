import { IsOptionalNotNull } from '@botdeck/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { INTERACTIONS_MODES, type InteractionsMode } from '../../bots/bot.entity';
import { PUBLIC_KEY } from '../../discord/discord-identity.client';

export class SetInteractionsDto {
  @ApiProperty({
    enum: INTERACTIONS_MODES,
    description:
      '`http` registers `INTERACTIONS_PUBLIC_URL/interactions/{botId}` as the application’s ' +
      'Interactions Endpoint URL (Discord checks it with a PING first); `gateway` clears it',
  })
  @IsIn(INTERACTIONS_MODES)
  mode!: InteractionsMode;

  @ApiPropertyOptional({
    description:
      'The application’s Ed25519 public key (64 hex digits); fetched from Discord if absent',
    example: 'a'.repeat(64),
  })
  @IsOptionalNotNull()
  @IsString()
  @Matches(PUBLIC_KEY, { message: 'publicKey must be 64 lowercase hex digits' })
  publicKey?: string;
}
