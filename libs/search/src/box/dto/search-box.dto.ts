import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class SearchBoxQuery {
  @ApiProperty({
    description: 'Web-search syntax: `word`, `"a phrase"`, `a OR b`, `-excluded` (whole words)',
    example: 'golden sword',
    maxLength: 200,
  })
  @IsString()
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5, description: 'Hits per group' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit?: number;
}

class GroupMeta {
  @ApiProperty({ description: 'Matches, counted up to SEARCH_GROUP_COUNT_CAP' })
  count!: number;

  @ApiProperty({ description: 'True when there are more matches than `count`' })
  capped!: boolean;
}

export class BotSearchHitDto {
  @ApiProperty({ format: 'uuid', description: 'GET /api/v1/bots/{id}' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: [String] })
  tags!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'The bot user on Discord' })
  botUsername!: string | null;
}

export class ProductSearchHitDto {
  @ApiProperty({ format: 'uuid', description: 'GET /api/v1/products/{id}' })
  id!: string;
  @ApiProperty()
  sku!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: String, nullable: true })
  category!: string | null;
}

export class UserSearchHitDto {
  @ApiProperty({ format: 'uuid', description: 'GET /api/v1/users/{id}' })
  id!: string;
  @ApiProperty()
  email!: string;
  @ApiProperty()
  role!: string;
  @ApiProperty()
  disabled!: boolean;
}

export class CommandLogSearchHitDto {
  @ApiProperty({ description: 'GET /api/v1/logs/search?interactionId={interactionId}' })
  interactionId!: string;
  @ApiProperty({ format: 'uuid' })
  botId!: string;
  @ApiProperty()
  command!: string;
  @ApiProperty()
  status!: string;
  @ApiProperty({ type: String, nullable: true })
  errorCode!: string | null;
  @ApiProperty({ format: 'date-time' })
  startedAt!: string;
}

export class AuditSearchHitDto {
  @ApiProperty({ format: 'uuid', description: 'GET /api/v1/audit?q={id}' })
  id!: string;
  @ApiProperty()
  action!: string;
  @ApiProperty({ type: String, nullable: true })
  resourceType!: string | null;
  @ApiProperty({ type: String, nullable: true })
  resourceId!: string | null;
  @ApiProperty()
  outcome!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class BotGroupDto extends GroupMeta {
  @ApiProperty({ type: [BotSearchHitDto] })
  items!: BotSearchHitDto[];
}
export class ProductGroupDto extends GroupMeta {
  @ApiProperty({ type: [ProductSearchHitDto] })
  items!: ProductSearchHitDto[];
}
export class UserGroupDto extends GroupMeta {
  @ApiProperty({ type: [UserSearchHitDto] })
  items!: UserSearchHitDto[];
}
export class CommandLogGroupDto extends GroupMeta {
  @ApiProperty({ type: [CommandLogSearchHitDto] })
  items!: CommandLogSearchHitDto[];
}
export class AuditGroupDto extends GroupMeta {
  @ApiProperty({ type: [AuditSearchHitDto] })
  items!: AuditSearchHitDto[];
}

/** One group per domain the caller's role may read; the others are absent, not empty. */
export class SearchResultsDto {
  @ApiProperty({ description: 'The query as searched (normalised)' })
  q!: string;

  @ApiProperty({ type: BotGroupDto, description: 'Viewer and up' })
  bots!: BotGroupDto;

  @ApiProperty({ type: ProductGroupDto, description: 'Viewer and up' })
  products!: ProductGroupDto;

  @ApiProperty({ type: CommandLogGroupDto, description: 'Viewer and up' })
  commandLogs!: CommandLogGroupDto;

  @ApiPropertyOptional({ type: UserGroupDto, description: 'Admins only' })
  users?: UserGroupDto;

  @ApiPropertyOptional({ type: AuditGroupDto, description: 'Admins only' })
  audit?: AuditGroupDto;
}
