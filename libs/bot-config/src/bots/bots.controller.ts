import {
  Actor,
  ApiErrorResponses,
  ApiPage,
  Audited,
  CachedResponse,
  noteAudit,
  ReadCache,
  type RequestActor,
  Roles,
  UuidPipe,
  withKeyEvidence,
} from '@botdeck/core';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BOT_LIST_DEPENDS_ON, BotsService } from './bots.service';
import { BotDto } from './dto/bot.dto';
import { CreateBotDto } from './dto/create-bot.dto';
import { ListBotsQuery } from './dto/list-bots.query';
import { RotateTokenDto } from './dto/rotate-token.dto';
import { UpdateBotDto } from './dto/update-bot.dto';

@ApiTags('bots')
@Controller('bots')
export class BotsController {
  constructor(
    private readonly bots: BotsService,
    private readonly cache: ReadCache,
  ) {}

  @Post()
  @Roles('operator')
  @Audited('bot.create', 'bot')
  @ApiOperation({ summary: 'Store a bot configuration (the token is encrypted at rest)' })
  @ApiCreatedResponse({ type: BotDto })
  @ApiErrorResponses(400, 409)
  async create(@Body() dto: CreateBotDto, @Req() request: FastifyRequest): Promise<BotDto> {
    const created = await this.bots.create(dto);
    const bot = BotDto.from(created, await this.bots.view(created.id));
    noteAudit(request, { resourceId: bot.id, after: bot });
    return bot;
  }

  @Get()
  @Roles('viewer')
  @CachedResponse({ name: 'bots.list', dependsOn: BOT_LIST_DEPENDS_ON })
  @ApiOperation({ summary: 'List bot configurations, newest first' })
  @ApiPage(BotDto)
  @ApiErrorResponses(400)
  async list(
    @Query() query: ListBotsQuery,
    @Req() request: FastifyRequest,
    @Actor() actor?: RequestActor,
  ) {
    const page = await this.cache.getOrLoad(
      { name: 'bots.list', dependsOn: BOT_LIST_DEPENDS_ON, key: { query, role: actor?.role } },
      () => this.bots.storedPage(query),
    );
    // The leases behind running statuses are live state: the response cache checks them again.
    return withKeyEvidence(request, () => this.bots.vouchPage(page));
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOkResponse({ type: BotDto })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', UuidPipe) id: string): Promise<BotDto> {
    return BotDto.from(await this.bots.get(id), await this.bots.view(id));
  }

  @Patch(':id')
  @Roles('operator')
  @Audited('bot.update', 'bot', { idParam: 'id' })
  @ApiOperation({ summary: 'Change a bot configuration; send the version you read' })
  @ApiOkResponse({ type: BotDto })
  @ApiErrorResponses(400, 404, 409)
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateBotDto,
    @Req() request: FastifyRequest,
  ): Promise<BotDto> {
    const beforeView = await this.bots.view(id);
    const { before, after } = await this.bots.update(id, dto);
    const result = BotDto.from(after, await this.bots.view(id));
    noteAudit(request, { resourceId: id, before: BotDto.from(before, beforeView), after: result });
    return result;
  }

  @Delete(':id')
  @Roles('operator')
  @Audited('bot.delete', 'bot', { idParam: 'id' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(400, 404)
  async delete(@Param('id', UuidPipe) id: string, @Req() request: FastifyRequest): Promise<void> {
    const view = await this.bots.view(id);
    const bot = await this.bots.delete(id);
    noteAudit(request, { resourceId: id, before: BotDto.from(bot, view) });
  }

  @Post(':id/validate')
  @Roles('operator')
  @Audited('bot.validate', 'bot', { idParam: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Check the token with Discord and store the bot identity' })
  @ApiOkResponse({ type: BotDto })
  @ApiErrorResponses(400, 404, 422, 502)
  async validate(
    @Param('id', UuidPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<BotDto> {
    const view = await this.bots.view(id);
    const { before, after } = await this.bots.validate(id);
    const result = BotDto.from(after, view);
    noteAudit(request, { resourceId: id, before: BotDto.from(before, view), after: result });
    return result;
  }

  @Put(':id/token')
  @Roles('operator')
  @Audited('bot.rotate_token', 'bot', { idParam: 'id' })
  @ApiOperation({ summary: 'Replace the token (checked with Discord first)' })
  @ApiOkResponse({ type: BotDto })
  @ApiErrorResponses(400, 404, 409, 422, 502)
  async rotateToken(
    @Param('id', UuidPipe) id: string,
    @Body() dto: RotateTokenDto,
    @Req() request: FastifyRequest,
  ): Promise<BotDto> {
    const { before, after } = await this.bots.rotateToken(id, dto.token);
    const result = BotDto.from(after, await this.bots.view(id));
    noteAudit(request, {
      resourceId: id,
      before: { tokenLast4: before.tokenLast4 },
      after: { tokenLast4: after.tokenLast4 },
    });
    return result;
  }
}
