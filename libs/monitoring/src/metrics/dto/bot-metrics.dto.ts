import { ApiProperty } from '@nestjs/swagger';

export class BotOnlineDto {
  @ApiProperty({ example: true })
  online!: boolean;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'Since when it is online (null when it is not)',
  })
  since!: string | null;

  @ApiProperty({ example: 3600, description: 'Seconds online without a break, up to now' })
  seconds!: number;
}

export class BotGatewayDto {
  @ApiProperty({ type: 'number', nullable: true, example: 42 })
  pingMs!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 3 })
  guilds!: number | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'The worker running it' })
  workerId!: string | null;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: "That worker's heartbeat these figures come from",
  })
  reportedAt!: string | null;
}

export class BotCommandsDto {
  @ApiProperty({ example: 24 })
  periodHours!: number;

  @ApiProperty({ example: 512, description: 'Commands that ended in the period' })
  count!: number;

  @ApiProperty({ example: 3, description: 'Of those, the ones that did not end in success' })
  errors!: number;
}

export class BotMetricsDto {
  @ApiProperty({ format: 'uuid' })
  botId!: string;

  @ApiProperty({ example: 'online' })
  status!: string;

  @ApiProperty({ type: BotOnlineDto })
  time!: BotOnlineDto;

  @ApiProperty({
    type: BotGatewayDto,
    description: 'From the heartbeat of the worker running it; nulls while none runs it',
  })
  gateway!: BotGatewayDto;

  @ApiProperty({ type: BotCommandsDto })
  commands!: BotCommandsDto;
}
