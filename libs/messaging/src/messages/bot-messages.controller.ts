import {
  Actor,
  ApiErrorResponses,
  Audited,
  noteAudit,
  type RequestActor,
  Roles,
  UuidPipe,
} from '@botdeck/core';
import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BotMessagesService } from './bot-messages.service';
import { SendMessageDto, SentMessageDto } from './dto/send-message.dto';

@ApiTags('bots')
@Controller('bots')
export class BotMessagesController {
  constructor(private readonly messages: BotMessagesService) {}

  @Post(':id/messages')
  @Roles('operator')
  @Audited('bot.message.send', 'bot', { idParam: 'id' })
  @HttpCode(201)
  @ApiOperation({
    summary: 'Send one message through this bot (mentions default to none)',
    description:
      'Answers once Discord created the message. A refusal by Discord is 422 MESSAGE_REJECTED ' +
      'with its code in details.discordCode; allowedMentions.parse "everyone" needs admin.',
  })
  @ApiCreatedResponse({ type: SentMessageDto })
  @ApiErrorResponses(400, 404, 422, 502)
  async send(
    @Param('id', UuidPipe) id: string,
    @Body() body: SendMessageDto,
    @Actor() actor: RequestActor | undefined,
    @Req() request: FastifyRequest,
  ): Promise<SentMessageDto> {
    const sent = await this.messages.send(id, body, actor?.role ?? null);
    noteAudit(request, { after: { channelId: sent.channelId, messageId: sent.id } });
    return sent;
  }
}
