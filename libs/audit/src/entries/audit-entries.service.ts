import { mapPage, Page, paginate, parseWebSearch } from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryDto } from './dto/audit-entry.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

/** Reads the audit trail. There is deliberately no method that changes it. */
@Injectable()
export class AuditEntriesService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async list(query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const builder = this.entries.createQueryBuilder('entry');
    if (query.q !== undefined) {
      // The generated `search` document and its GIN index (see the migration).
      builder.andWhere(`entry.search @@ websearch_to_tsquery('simple', :q)`, {
        q: parseWebSearch(query.q, 'q'),
      });
    }
    if (query.actorId) builder.andWhere('entry.actorId = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('entry.action = :action', { action: query.action });
    if (query.resourceType) {
      builder.andWhere('entry.resourceType = :resourceType', { resourceType: query.resourceType });
    }
    if (query.resourceId) {
      builder.andWhere('entry.resourceId = :resourceId', { resourceId: query.resourceId });
    }
    if (query.outcome) builder.andWhere('entry.outcome = :outcome', { outcome: query.outcome });
    if (query.from) builder.andWhere('entry.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('entry.createdAt <= :to', { to: new Date(query.to) });
    return mapPage(await paginate(builder, query), (entry) => AuditEntryDto.from(entry));
  }
}
