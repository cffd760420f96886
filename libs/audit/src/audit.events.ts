import type { AuditEntryDto } from './entries/dto/audit-entry.dto';

/**
 * Audit entries just stored: one request's success entry once its transaction committed, or a
 * batch of failure and refusal entries once written. Change sets are already redacted.
 */
export interface AuditRecordedEvent {
  entries: AuditEntryDto[];
}

declare module '@botdeck/core' {
  interface BotdeckEvents {
    'audit.recorded': AuditRecordedEvent;
  }
}
