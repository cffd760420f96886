import { CreateBulkOperations1732500006000 } from './migrations/1732500006000-CreateBulkOperations';
import { IndexPendingBulkItems1732500008000 } from './migrations/1732500008000-IndexPendingBulkItems';

export * from './bulk-operations.module';
export * from './bulk-operations-worker.module';
export * from './bulk-operations.config';
export * from './bulk-operations.errors';
export {
  BULK_KINDS,
  ITEM_STATUSES,
  OPERATION_STATUSES,
  BulkOperationEntity,
  BulkOperationItemEntity,
  type BulkKind,
  type BulkSelection,
  type ItemStatus,
  type OperationStatus,
} from './operations/bulk-operation.entity';
export { BulkOperationsService } from './operations/bulk-operations.service';
export {
  BulkOperationAcceptedDto,
  BulkOperationDto,
  BulkOperationSummaryDto,
} from './operations/dto/bulk-operation.dto';
export { MAX_BULK_BOTS } from './operations/dto/bulk-bots.dto';
export {
  operationTopic,
  type OperationProgressEvent,
  type OperationTotals,
} from './operations/bulk-operation.events';

/** Schema migrations owned by this lib, in order. */
export const bulkOperationsMigrations = [
  CreateBulkOperations1732500006000,
  IndexPendingBulkItems1732500008000,
];
