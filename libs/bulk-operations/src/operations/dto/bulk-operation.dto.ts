import type { Page } from '@botdeck/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BULK_KINDS,
  type BulkKind,
  type BulkOperationEntity,
  type BulkOperationItemEntity,
  ITEM_STATUSES,
  type ItemStatus,
  OPERATION_STATUSES,
  type OperationStatus,
} from '../bulk-operation.entity';

export class BulkOperationAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'Follow it at GET /bulk/operations/{id}' })
  operationId!: string;
}

export class BulkSelectionDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) botIds?: string[];
  @ApiPropertyOptional({ type: [String] }) tags?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Message operations: the channels' })
  channelIds?: string[];
  @ApiPropertyOptional({ description: 'Message operations: every text channel of each bot' })
  everyTextChannel?: boolean;
  @ApiPropertyOptional({ description: 'Message operations: how many explicit targets' })
  targets?: number;
}

export class BulkTotalsDto {
  @ApiProperty() total!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
}

export class BulkItemDto {
  @ApiProperty({ format: 'uuid' }) botId!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Message operations: the channel (null while "every text channel" is resolved)',
  })
  channelId?: string | null;
  @ApiProperty({ enum: ITEM_STATUSES }) status!: ItemStatus;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Message operations: the id of the message Discord created',
  })
  messageId?: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'BOT_NOT_FOUND',
    description:
      'Why the item failed (BOT_NOT_FOUND, BOT_START_TIMEOUT, BOT_START_FAILED, …; for a ' +
      'message refused by Discord, its JSON error code such as 50001)',
  })
  errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;

  static from(item: BulkOperationItemEntity): BulkItemDto {
    return {
      botId: item.botId,
      status: item.status,
      errorCode: item.errorCode,
      errorMessage: item.errorMessage,
      finishedAt: item.finishedAt?.toISOString() ?? null,
    };
  }
}

/** An operation without its per-bot results, as lists show it. */
export class BulkOperationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: BULK_KINDS }) kind!: BulkKind;
  @ApiProperty({ enum: OPERATION_STATUSES }) status!: OperationStatus;
  @ApiProperty({ type: BulkSelectionDto }) selection!: BulkSelectionDto;
  @ApiProperty({ type: BulkTotalsDto }) totals!: BulkTotalsDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;

  static from(operation: BulkOperationEntity): BulkOperationSummaryDto {
    return {
      id: operation.id,
      kind: operation.kind,
      status: operation.status,
      selection: operation.selection,
      totals: {
        total: operation.total,
        pending: operation.pending,
        succeeded: operation.succeeded,
        failed: operation.failed,
      },
      createdAt: operation.createdAt.toISOString(),
      startedAt: operation.startedAt?.toISOString() ?? null,
      completedAt: operation.completedAt?.toISOString() ?? null,
    };
  }
}

export class BulkOperationDto extends BulkOperationSummaryDto {
  @ApiProperty({
    type: [BulkItemDto],
    description: 'One result per target, in request order: a page of them (see nextCursor)',
  })
  items!: BulkItemDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page of items',
  })
  nextCursor!: string | null;

  static withItems(operation: BulkOperationEntity, page: Page<BulkItemDto>): BulkOperationDto {
    return { ...BulkOperationSummaryDto.from(operation), ...page };
  }
}
