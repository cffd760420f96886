import { CreateBulkOperations1732500006000 } from './migrations/1732500006000-CreateBulkOperations';
import { IndexPendingBulkItems1732500008000 } from './migrations/1732500008000-IndexPendingBulkItems';
import { OpenBulkOperationsToMessages1732500008500 } from './migrations/1732500008500-OpenBulkOperationsToMessages';

export * from './bulk-operations.module';
export * from './bulk-operations-worker.module';
export * from './bulk-operations.config';
export * from './bulk-operations.errors';
export {
  BULK_KINDS,
  LIFECYCLE_KINDS,
  ITEM_STATUSES,
  OPERATION_STATUSES,
  BulkOperationEntity,
  BulkOperationItemEntity,
  type BotSelection,
  type BulkKind,
  type BulkSelection,
  type LifecycleKind,
  type ItemStatus,
  type OperationStatus,
} from './operations/bulk-operation.entity';
export { BulkOperationsService } from './operations/bulk-operations.service';
export { BulkItemTotals, type BulkItemTotal } from './operations/bulk-item-totals';
export { BulkItemTotalsModule } from './operations/bulk-item-totals.module';
export {
  BulkOperationsRepository,
  type CounterChange,
  type RecordedResult,
} from './operations/bulk-operations.repository';
export { IdempotencyHeader, parseIdempotencyKey } from './operations/bulk-operations.controller';
export { BulkProgress } from './execution/bulk-progress';
export { BulkKindRegistry, type BulkKindHandler } from './kinds/bulk-kind.registry';
export { ItemsPageQuery, DEFAULT_ITEMS_PAGE } from './operations/dto/items-page.query';
export { decodeItemCursor, encodeItemCursor, type ItemPosition } from './operations/items-cursor';
export {
  BulkItemDto,
  BulkOperationAcceptedDto,
  BulkOperationDto,
  BulkOperationSummaryDto,
} from './operations/dto/bulk-operation.dto';
export { BotTags, lowerCaseEach, MAX_BULK_BOTS } from './operations/dto/bulk-bots.dto';
export {
  operationTopic,
  type OperationProgressEvent,
  type OperationTotals,
} from './operations/bulk-operation.events';

/** Schema migrations owned by this lib, in order. */
export const bulkOperationsMigrations = [
  CreateBulkOperations1732500006000,
  IndexPendingBulkItems1732500008000,
  OpenBulkOperationsToMessages1732500008500,
];
