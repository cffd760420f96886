import { CreateAuditEntries1732500001000 } from './migrations/1732500001000-CreateAuditEntries';

export * from './audit.module';
export { AuditEntry, AUDIT_OUTCOMES } from './entries/audit-entry.entity';
export type { AuditOutcome } from './entries/audit-entry.entity';
export { AuditEntryDto, AuditActorDto } from './entries/dto/audit-entry.dto';
export { AuditQueryDto } from './entries/dto/audit-query.dto';
export { AuditWriter } from './writing/audit-writer.service';
export { AuditRetryPath } from './writing/audit-retry.service';
export { AuditMetrics } from './writing/audit-metrics';
export type { AuditCounters } from './writing/audit-metrics';
export type { AuditRecordedEvent } from './audit.events';
export { AUDIT_SPOOL_STREAM, AuditSpool } from './writing/audit-spool';
export { AUDIT_WRITER_OPTIONS } from './writing/audit-writer.options';
export type { AuditWriterOptions } from './writing/audit-writer.options';
export { redact, REDACTED } from './recording/redact';
export { CreateAuditEntries1732500001000 };

/** Schema migrations owned by this lib, in order. */
export const auditMigrations: Array<new () => unknown> = [CreateAuditEntries1732500001000];
