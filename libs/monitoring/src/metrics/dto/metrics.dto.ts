import { ApiProperty } from '@nestjs/swagger';
import { WorkerDto } from '../../health/health.dto';
import type {
  CommandWindowMetrics,
  MetricsSnapshot,
  ProcessMetrics,
  QueueMetrics,
  WorkerMetrics,
} from '../metrics-snapshot';

const BY_STATUS = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  example: { online: 12, stopped: 3 },
} as const;

export class LoopDelayDto {
  @ApiProperty({ example: 10.2 })
  p50!: number;

  @ApiProperty({ example: 21.7 })
  p99!: number;
}

export class ProcessMetricsDto implements ProcessMetrics {
  @ApiProperty({ example: 3600 })
  uptimeSeconds!: number;

  @ApiProperty({ example: 123_456_789 })
  rssBytes!: number;

  @ApiProperty({ example: 45_678_901 })
  heapUsedBytes!: number;

  @ApiProperty({ example: 3.5, description: 'Over the last window of at least 1 s, per core' })
  cpuPercent!: number;

  @ApiProperty({ type: LoopDelayDto, description: 'Event-loop delay over that window, in ms' })
  eventLoopDelayMs!: LoopDelayDto;
}

export class PingDto {
  @ApiProperty({ type: 'number', nullable: true, example: 42 })
  avg!: number | null;

  @ApiProperty({ type: 'number', nullable: true, example: 80 })
  max!: number | null;
}

export class DiscordTotalsDto {
  @ApiProperty({ example: 1200, description: 'REST requests answered' })
  requests!: number;

  @ApiProperty({ example: 2, description: 'REST requests Discord answered 429' })
  rateLimited!: number;

  @ApiProperty({ example: 5, description: 'Requests held back to stay inside a rate limit' })
  rateLimitWaits!: number;

  @ApiProperty({ example: 1 })
  gatewayReconnects!: number;
}

export class WorkerMetricsDto extends WorkerDto implements WorkerMetrics {
  @ApiProperty({ example: 3600 })
  uptimeSeconds!: number;

  @ApiProperty({ example: 223_456_789 })
  rssBytes!: number;

  @ApiProperty({ example: 12.5 })
  cpuPercent!: number;

  @ApiProperty(BY_STATUS)
  botsByStatus!: Record<string, number>;

  @ApiProperty({ type: PingDto, description: 'Gateway heartbeat latency of its bots, in ms' })
  gatewayPingMs!: PingDto;

  @ApiProperty({ example: 42 })
  commandsPerMinute!: number;

  @ApiProperty({ type: DiscordTotalsDto, description: 'Since the worker started' })
  discord!: DiscordTotalsDto;
}

export class FleetDto {
  @ApiProperty(BY_STATUS)
  botsByStatus!: Record<string, number>;
}

export class CommandWindowDto implements CommandWindowMetrics {
  @ApiProperty({ enum: [1, 5, 15], example: 5 })
  windowMinutes!: 1 | 5 | 15;

  @ApiProperty({ example: 310, description: 'Commands that ended in the window' })
  count!: number;

  @ApiProperty({ example: 0.0123, description: 'Share that did not end in success, 0–1' })
  errorRate!: number;

  @ApiProperty({ type: 'number', nullable: true, example: 35 })
  p95Ms!: number | null;
}

export class QueueMetricsDto implements QueueMetrics {
  @ApiProperty({ example: 'scheduled-messages' })
  name!: string;

  @ApiProperty({ example: 0 })
  waiting!: number;

  @ApiProperty({ example: 0 })
  active!: number;

  @ApiProperty({ example: 3 })
  delayed!: number;

  @ApiProperty({ example: 0 })
  failed!: number;
}

export class MetricsSnapshotDto implements MetricsSnapshot {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: ProcessMetricsDto, description: 'The API process that answered' })
  api!: ProcessMetricsDto;

  @ApiProperty({ type: [WorkerMetricsDto], description: 'Live workers, from their heartbeats' })
  workers!: WorkerMetricsDto[];

  @ApiProperty({ type: FleetDto })
  fleet!: FleetDto;

  @ApiProperty({ type: [CommandWindowDto], description: 'The last 1, 5 and 15 minutes' })
  commands!: CommandWindowDto[];

  @ApiProperty({ type: [QueueMetricsDto] })
  queues!: QueueMetricsDto[];

  @ApiProperty({ type: DiscordTotalsDto, description: 'Summed over the live workers' })
  discord!: DiscordTotalsDto;
}
