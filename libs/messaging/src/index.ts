import { CreateBulkMessages1732500011000 } from './migrations/1732500011000-CreateBulkMessages';

export { MessagingModule } from './messaging.module';
export { MessagingWorkerModule } from './messaging-worker.module';
export { messagingConfig, type MessagingConfig } from './messaging.config';
export * from './messaging.errors';
export { SCHEDULED_MESSAGES_QUEUE, type MessagesReleasedEvent } from './messaging.events';
export { MESSAGE_LIMITS } from './messages/message-limits';
export { nonceFor } from './messages/discord-message';
export { MAX_MESSAGE_TARGETS } from './bulk/dto/bulk-messages.dto';

/** Schema migrations owned by this lib, in order. */
export const messagingMigrations = [CreateBulkMessages1732500011000];
