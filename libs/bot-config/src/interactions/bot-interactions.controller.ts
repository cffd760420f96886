import { ApiErrorResponses, Audited, noteAudit, Roles, UuidPipe } from '@botdeck/core';
import { Body, Controller, Param, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BotsService } from '../bots/bots.service';
import { BotDto } from '../bots/dto/bot.dto';
import { BotInteractionsService } from './bot-interactions.service';
import { SetInteractionsDto } from './dto/set-interactions.dto';

@ApiTags('bots')
@Controller('bots')
export class BotInteractionsController {
  constructor(
    private readonly interactions: BotInteractionsService,
    private readonly bots: BotsService,
  ) {}

  @Put(':id/interactions')
  @Roles('operator')
  @Audited('bot.set_interactions', 'bot', { idParam: 'id' })
  @ApiOperation({
    summary:
      'Receive the bot’s interactions over the gateway or over HTTP (Interactions Endpoint URL)',
  })
  @ApiOkResponse({ type: BotDto })
  @ApiErrorResponses(400, 404, 409, 422, 502)
  async set(
    @Param('id', UuidPipe) id: string,
    @Body() dto: SetInteractionsDto,
    @Req() request: FastifyRequest,
  ): Promise<BotDto> {
    const { before, after } = await this.interactions.set(id, dto);
    const view = await this.bots.view(id);
    noteAudit(request, {
      resourceId: id,
      before: { interactionsMode: before.interactionsMode, publicKey: before.publicKey },
      after: { interactionsMode: after.interactionsMode, publicKey: after.publicKey },
    });
    return BotDto.from(after, view);
  }
}
