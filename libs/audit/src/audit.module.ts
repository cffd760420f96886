import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntriesController } from './entries/audit-entries.controller';
import { AuditEntriesService } from './entries/audit-entries.service';
import { AuditEntry } from './entries/audit-entry.entity';
import { AuditFailureListener } from './recording/audit-failure.listener';
import { AuditRecorder } from './recording/audit-recorder.service';
import { AuditInterceptor } from './recording/audit.interceptor';
import { AuditEntryStore } from './writing/audit-entry.store';
import { AuditMetrics } from './writing/audit-metrics';
import { AuditRetryPath } from './writing/audit-retry.service';
import { AuditSpool } from './writing/audit-spool';
import { AuditWriter } from './writing/audit-writer.service';

/**
 * The audit trail: records every mutating request in its own transaction (global
 * interceptor) and every failure or refusal through a durable writer (request-outcome
 * listener, Redis spool when PostgreSQL is away), and serves `GET /audit` to admins.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditEntriesController],
  providers: [
    AuditMetrics,
    AuditEntryStore,
    AuditSpool,
    AuditRetryPath,
    AuditWriter,
    AuditRecorder,
    AuditFailureListener,
    AuditEntriesService,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditWriter, AuditMetrics, AuditRetryPath],
})
export class AuditModule {}
