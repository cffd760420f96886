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
}

export class BulkTotalsDto {
  @ApiProperty() total!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
}

export class BulkItemDto {
  @ApiProperty({ format: 'uuid' }) botId!: string;
  @ApiProperty({ enum: ITEM_STATUSES }) status!: ItemStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'BOT_NOT_FOUND',
    description: 'Why the item failed (BOT_NOT_FOUND, BOT_START_TIMEOUT, BOT_START_FAILED, …)',
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
  @ApiProperty({ type: [BulkItemDto], description: 'One result per bot, in request order' })
  items!: BulkItemDto[];

  static withItems(
    operation: BulkOperationEntity,
    items: BulkOperationItemEntity[],
  ): BulkOperationDto {
    return {
      ...BulkOperationSummaryDto.from(operation),
      items: items.map((item) => BulkItemDto.from(item)),
    };
  }
}
