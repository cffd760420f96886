/** Published when a message operation's deliveries may go out (at once, or when scheduled). */
export interface MessagesReleasedEvent {
  operationId: string;
}

declare module '@botdeck/core' {
  interface BotdeckEvents {
    'messaging.released': MessagesReleasedEvent;
  }
}

/** The BullMQ queue whose delayed jobs release scheduled message operations. */
export const SCHEDULED_MESSAGES_QUEUE = 'scheduled-messages';
