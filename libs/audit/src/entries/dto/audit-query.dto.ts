import { CursorQueryDto, IsNotBefore } from '@botdeck/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AUDIT_OUTCOMES, AuditOutcome } from '../audit-entry.entity';

export class AuditQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({
    example: 'bot.update -denied',
    description:
      'Full text in web-search syntax (`word`, `"a phrase"`, `a OR b`, `-excluded`) over the ' +
      'action, resource, error code, path, actor email and the values of the change sets',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries by this user' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'user.create', description: 'Exact action name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ example: 'user', description: 'Resource type' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  resourceType?: string;

  @ApiPropertyOptional({ description: 'Resource id (usually with resourceType)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  resourceId?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-01-01T00:00:00Z',
    description: 'Entries at or after this time (ISO-8601)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-02-01T00:00:00Z',
    description: 'Entries at or before this time (ISO-8601); not before `from`',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsNotBefore('from')
  to?: string;
}
