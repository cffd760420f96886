import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuditRetention } from './audit-retention';
import { auditRetentionConfig } from './audit-retention.config';

/** Retention of the audit trail, for the worker's retention job. */
@Module({
  imports: [ConfigModule.forFeature(auditRetentionConfig)],
  providers: [AuditRetention],
  exports: [AuditRetention],
})
export class AuditRetentionModule {}
