import {
  BulkKindRegistry,
  type BulkKindHandler,
  type BulkOperationEntity,
  type ItemsPageQuery,
} from '@botdeck/bulk-operations';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { BulkMessagesService } from './bulk-messages.service';
import { MessageDeliveriesRepository } from './message-deliveries.repository';

/** Shows `message` operations through the bulk operations API: their deliveries, and cancel. */
@Injectable()
export class MessageKindHandler implements BulkKindHandler, OnModuleInit {
  constructor(
    private readonly kinds: BulkKindRegistry,
    private readonly deliveries: MessageDeliveriesRepository,
    private readonly messages: BulkMessagesService,
  ) {}

  onModuleInit(): void {
    this.kinds.register('message', this);
  }

  items(operationId: string, page: ItemsPageQuery) {
    return this.deliveries.page(operationId, page);
  }

  cancel(operation: BulkOperationEntity): Promise<void> {
    return this.messages.cancel(operation);
  }
}
