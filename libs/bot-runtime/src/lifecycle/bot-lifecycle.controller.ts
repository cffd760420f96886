import { ApiErrorResponses, Audited, noteAudit, Roles, UuidPipe } from '@botdeck/core';
import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { BotLifecycleState } from './bot-lifecycle-state';
import { BotLifecycleService } from './bot-lifecycle.service';
import { BotLifecycleDto } from './dto/bot-lifecycle.dto';
import { BotShardsDto } from './dto/bot-shards.dto';

/**
 * Start, stop and restart one bot. Each answers 202 at once: a worker does the work, and the
 * status moves on through `bot.status` events (or a later GET).
 */
@ApiTags('bots')
@Controller('bots')
export class BotLifecycleController {
  constructor(private readonly lifecycle: BotLifecycleService) {}

  @Post(':id/start')
  @Roles('operator')
  @Audited('bot.start', 'bot', { idParam: 'id' })
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask a worker to run the bot (desired state: running)' })
  @ApiAcceptedResponse({ type: BotLifecycleDto })
  @ApiErrorResponses(400, 404)
  async start(@Param('id', UuidPipe) id: string, @Req() request: FastifyRequest) {
    return this.answer(request, await this.lifecycle.requestStart(id));
  }

  @Post(':id/stop')
  @Roles('operator')
  @Audited('bot.stop', 'bot', { idParam: 'id' })
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask the worker running the bot to log it out (desired: stopped)' })
  @ApiAcceptedResponse({ type: BotLifecycleDto })
  @ApiErrorResponses(400, 404)
  async stop(@Param('id', UuidPipe) id: string, @Req() request: FastifyRequest) {
    return this.answer(request, await this.lifecycle.requestStop(id));
  }

  @Post(':id/restart')
  @Roles('operator')
  @Audited('bot.restart', 'bot', { idParam: 'id' })
  @HttpCode(202)
  @ApiOperation({ summary: 'Log the bot out and in again (starts it if it was stopped)' })
  @ApiAcceptedResponse({ type: BotLifecycleDto })
  @ApiErrorResponses(400, 404)
  async restart(@Param('id', UuidPipe) id: string, @Req() request: FastifyRequest) {
    return this.answer(request, await this.lifecycle.requestRestart(id));
  }

  @Get(':id/shards')
  @Roles('viewer')
  @ApiOperation({
    summary: 'The bot and each of its gateway shards: worker, status, ping, guilds',
  })
  @ApiOkResponse({ type: BotShardsDto })
  @ApiErrorResponses(400, 404)
  async shards(@Param('id', UuidPipe) id: string): Promise<BotShardsDto> {
    return BotShardsDto.from(await this.lifecycle.shards(id));
  }

  private answer(request: FastifyRequest, state: BotLifecycleState): BotLifecycleDto {
    const result = BotLifecycleDto.from(state);
    noteAudit(request, { resourceId: state.botId, after: { desiredState: result.desiredState } });
    return result;
  }
}
