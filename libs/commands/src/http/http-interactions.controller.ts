import {
  ApiErrorResponses,
  NotAudited,
  Public,
  type RawBodyRequest,
  UuidPipe,
} from '@botdeck/core';
import { Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HttpInteractionsService } from './http-interactions.service';

/**
 * Discord's Interactions Endpoint URL for bots in HTTP mode. Public (Discord signs its requests
 * instead of authenticating), outside `/api/v1`, and given the raw body: the signature covers
 * the exact bytes Discord sent.
 */
@ApiTags('interactions')
@Controller('interactions')
export class HttpInteractionsController {
  constructor(private readonly interactions: HttpInteractionsService) {}

  @Post(':botId')
  @Public()
  // Discord's deliveries, not admin actions: each becomes a command log; a refused one is only answered.
  @NotAudited()
  @RouteConfig({ rawBody: true })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Interactions Endpoint URL of a bot in HTTP mode (called by Discord, signed with Ed25519)',
  })
  @ApiHeader({ name: 'X-Signature-Ed25519', required: true })
  @ApiHeader({ name: 'X-Signature-Timestamp', required: true })
  @ApiOkResponse({ description: 'PONG to a PING, or the initial response' })
  @ApiResponse({ status: 202, description: 'Answered through the callback route' })
  @ApiErrorResponses(400, 401, 404, 413)
  async receive(
    @Param('botId', UuidPipe) botId: string,
    @Headers('x-signature-ed25519') signature: string | undefined,
    @Headers('x-signature-timestamp') timestamp: string | undefined,
    @Req() request: RawBodyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const answer = await this.interactions.handle(botId, {
      signature,
      timestamp,
      rawBody: request.rawBody ?? Buffer.alloc(0),
      body: request.body,
    });
    if (answer.status === 202) {
      void reply.status(202);
      return undefined;
    }
    return answer.body;
  }
}
