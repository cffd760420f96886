import { ApiErrorResponses, ApiPage, Page, Roles } from '@botdeck/core';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntriesService } from './audit-entries.service';
import { AuditEntryDto } from './dto/audit-entry.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditEntriesController {
  constructor(private readonly entries: AuditEntriesService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'List audit entries',
    description:
      'Newest first, filtered by actor, action, resource, outcome and time range, and ' +
      'searched with `q` (web-search syntax). ' +
      'The trail is append-only: no route changes it.',
  })
  @ApiPage(AuditEntryDto)
  @ApiErrorResponses(400)
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.entries.list(query);
  }
}
