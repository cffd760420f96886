import { type Page } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import type { BulkKind, BulkOperationEntity } from '../operations/bulk-operation.entity';
import type { BulkItemDto } from '../operations/dto/bulk-operation.dto';
import type { ItemsPageQuery } from '../operations/dto/items-page.query';

/**
 * What a kind whose items live outside `bulk_operation_items` tells the operations API: how
 * to page its results and how to stop it. Lifecycle kinds need none; the messaging lib
 * registers one for `message`, so this lib never imports it.
 */
export interface BulkKindHandler {
  /** One page of the operation's results, in request order. */
  items(operationId: string, page: ItemsPageQuery): Promise<Page<BulkItemDto>>;
  /** Stops what has not been done yet; resolves once the operation is marked cancelled. */
  cancel?(operation: BulkOperationEntity): Promise<void>;
}

@Injectable()
export class BulkKindRegistry {
  private readonly handlers = new Map<BulkKind, BulkKindHandler>();

  register(kind: BulkKind, handler: BulkKindHandler): void {
    if (this.handlers.has(kind)) throw new Error(`Bulk kind "${kind}" is registered twice`);
    this.handlers.set(kind, handler);
  }

  get(kind: BulkKind): BulkKindHandler | undefined {
    return this.handlers.get(kind);
  }
}
