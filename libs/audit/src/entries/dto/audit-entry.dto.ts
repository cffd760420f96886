import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_OUTCOMES, AuditEntry, AuditOutcome } from '../audit-entry.entity';

export class AuditActorDto {
  @ApiProperty({ example: '3f0c6a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com', nullable: true, type: String })
  email!: string | null;

  @ApiProperty({ example: 'admin', nullable: true, type: String })
  role!: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time', description: 'When the request was decided (UTC)' })
  createdAt!: string;

  @ApiProperty({
    type: AuditActorDto,
    nullable: true,
    description: 'Who made the request, as they were then; null when nobody was signed in',
  })
  actor!: AuditActorDto | null;

  @ApiProperty({ example: 'user.create', description: '`<resource>.<verb>`' })
  action!: string;

  @ApiProperty({ example: 'user', nullable: true, type: String })
  resourceType!: string | null;

  @ApiProperty({ example: '3f0c6a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6', nullable: true, type: String })
  resourceId!: string | null;

  @ApiProperty({
    enum: AUDIT_OUTCOMES,
    description:
      '`success`: the change was made; `failure`: the request failed (see errorCode); ' +
      '`denied`: authentication or role refused it',
  })
  outcome!: AuditOutcome;

  @ApiProperty({ example: 'VALIDATION_FAILED', nullable: true, type: String })
  errorCode!: string | null;

  @ApiProperty({ example: 201, nullable: true, type: Number })
  statusCode!: number | null;

  @ApiProperty({ example: 'POST' })
  method!: string;

  @ApiProperty({ example: '/api/v1/users', description: 'Request path without the query string' })
  path!: string;

  @ApiProperty({ example: '8f14e45f-ceea-467f-a0e6-5a1b2c3d4e5f', nullable: true, type: String })
  requestId!: string | null;

  @ApiProperty({ example: '203.0.113.7', nullable: true, type: String })
  ip!: string | null;

  @ApiProperty({ example: 'curl/8.5.0', nullable: true, type: String })
  userAgent!: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'State before the change; secret fields read "[REDACTED]"',
  })
  before!: unknown;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'State after the change (for failure/denied: what was attempted); secret fields read "[REDACTED]"',
  })
  after!: unknown;

  static from(entry: AuditEntry): AuditEntryDto {
    return {
      id: entry.id,
      createdAt: entry.createdAt.toISOString(),
      actor: entry.actorId
        ? { id: entry.actorId, email: entry.actorEmail, role: entry.actorRole }
        : null,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      outcome: entry.outcome,
      errorCode: entry.errorCode,
      statusCode: entry.statusCode,
      method: entry.method,
      path: entry.path,
      requestId: entry.requestId,
      ip: entry.ip,
      userAgent: entry.userAgent,
      before: entry.before ?? null,
      after: entry.after ?? null,
    };
  }
}
