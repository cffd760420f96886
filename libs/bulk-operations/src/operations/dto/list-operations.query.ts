import { CursorQueryDto } from '@botdeck/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  BULK_KINDS,
  type BulkKind,
  OPERATION_STATUSES,
  type OperationStatus,
} from '../bulk-operation.entity';

export class ListOperationsQuery extends CursorQueryDto {
  @ApiPropertyOptional({ enum: BULK_KINDS })
  @IsOptional()
  @IsIn(BULK_KINDS)
  kind?: BulkKind;

  @ApiPropertyOptional({ enum: OPERATION_STATUSES })
  @IsOptional()
  @IsIn(OPERATION_STATUSES)
  status?: OperationStatus;
}
