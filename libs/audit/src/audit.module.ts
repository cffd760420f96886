import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntriesController } from './entries/audit-entries.controller';
import { AuditEntriesService } from './entries/audit-entries.service';
import { AuditEntry } from './entries/audit-entry.entity';
import { AuditFailureListener } from './recording/audit-failure.listener';
import { AuditRecorder } from './recording/audit-recorder.service';
import { AuditWriter } from './recording/audit-writer.service';
import { AuditInterceptor } from './recording/audit.interceptor';

/**
 * The audit trail: records every mutating request and every refusal (global interceptor plus
 * a request-outcome listener), writes in batches, and serves `GET /audit` to admins.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditEntriesController],
  providers: [
    AuditWriter,
    AuditRecorder,
    AuditFailureListener,
    AuditEntriesService,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditWriter],
})
export class AuditModule {}
