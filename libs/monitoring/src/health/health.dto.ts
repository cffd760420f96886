import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const CHECK_STATUSES = ['up', 'down'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export class DependencyCheckDto {
  @ApiProperty({ enum: CHECK_STATUSES, example: 'up' })
  status!: CheckStatus;

  @ApiProperty({ example: 2, description: 'Time the check took, in milliseconds' })
  latencyMs!: number;

  @ApiPropertyOptional({ example: 'Redis did not answer within 1000 ms' })
  error?: string;
}

export class WorkerDto {
  @ApiProperty({ example: 'worker-1-4242-a1b2c3' })
  id!: string;

  @ApiProperty({ example: 'worker-1' })
  host!: string;

  @ApiProperty({ example: 4242 })
  pid!: number;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ example: 1200, description: 'Milliseconds since the last heartbeat' })
  lastBeatAgeMs!: number;
}

export class WorkersCheckDto extends DependencyCheckDto {
  @ApiProperty({
    description: 'Whether health fails without a live worker (HEALTH_REQUIRE_WORKER)',
  })
  required!: boolean;

  @ApiProperty({ example: 1, description: 'Live workers (heartbeat within its TTL)' })
  count!: number;

  @ApiPropertyOptional({
    type: [WorkerDto],
    description: 'Each live worker (host, PID); only for signed-in callers',
  })
  items?: WorkerDto[];
}

export class HealthChecksDto {
  @ApiProperty({ type: DependencyCheckDto })
  postgres!: DependencyCheckDto;

  @ApiProperty({ type: DependencyCheckDto })
  redis!: DependencyCheckDto;

  @ApiProperty({ type: WorkersCheckDto })
  workers!: WorkersCheckDto;
}

export const HEALTH_STATUSES = ['ok', 'error'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/**
 * The health document. It is the body of both the 200 and the 503 answer (load balancers and
 * orchestrators read the status code; people read the checks), so a 503 here deliberately
 * does not use the error envelope.
 */
export class HealthReportDto {
  @ApiProperty({
    enum: HEALTH_STATUSES,
    description: '`error` when a required check is down (the response is then 503)',
  })
  status!: HealthStatus;

  @ApiProperty({ type: HealthChecksDto })
  checks!: HealthChecksDto;

  @ApiProperty({ example: 3600, description: 'Seconds since this API process started' })
  uptimeSeconds!: number;

  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;
}
