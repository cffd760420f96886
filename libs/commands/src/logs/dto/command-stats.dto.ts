import { ApiProperty } from '@nestjs/swagger';

export class CommandFiguresDto {
  @ApiProperty({ description: 'Finished interactions (every outcome)' })
  count!: number;

  @ApiProperty()
  successCount!: number;

  @ApiProperty({ description: 'successCount / count, 0 to 1', example: 0.98 })
  successRate!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median duration in ms (rate-limited interactions never ran and are left out)',
  })
  p50Ms!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p95Ms!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p99Ms!: number | null;
}

export class CommandStatDto extends CommandFiguresDto {
  @ApiProperty({ example: 'ping' })
  command!: string;
}

export class CommandStatsDto {
  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  botId!: string | null;

  @ApiProperty({ type: [CommandStatDto] })
  commands!: CommandStatDto[];

  @ApiProperty({ type: CommandFiguresDto, description: 'Every command together' })
  totals!: CommandFiguresDto;
}
