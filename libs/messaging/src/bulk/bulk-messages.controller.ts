import {
  BulkOperationAcceptedDto,
  IdempotencyHeader,
  parseIdempotencyKey,
} from '@botdeck/bulk-operations';
import {
  Actor,
  ApiErrorResponses,
  Audited,
  noteAudit,
  type RequestActor,
  Roles,
} from '@botdeck/core';
import { Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BulkMessagesService } from './bulk-messages.service';
import { BulkMessagesDto } from './dto/bulk-messages.dto';

/** One message through many bots into many channels, as one operation. */
@ApiTags('bulk')
@Controller('bulk')
export class BulkMessagesController {
  constructor(private readonly messages: BulkMessagesService) {}

  @Post('messages')
  @Roles('operator')
  @Audited('bulk.messages.send', 'bulk_operation')
  @HttpCode(202)
  @IdempotencyHeader()
  @ApiOperation({
    summary: 'Send one message to up to 10 000 targets (bot × channel), each exactly once',
    description:
      'Targets: `targets`, or `botIds`/`tags` with `channelIds` or `everyTextChannel`. ' +
      'Mentions default to none; allowedMentions.parse "everyone" needs the admin role. ' +
      'Follow it at GET /bulk/operations/{operationId}.',
  })
  @ApiAcceptedResponse({ type: BulkOperationAcceptedDto })
  @ApiErrorResponses(400, 409)
  async send(
    @Body() body: BulkMessagesDto,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: RequestActor | undefined,
    @Req() request: FastifyRequest,
  ): Promise<BulkOperationAcceptedDto> {
    const { operation, replayed } = await this.messages.create({
      body,
      actor: actor ?? null,
      idempotencyKey: parseIdempotencyKey(key),
    });
    // One entry per request, with the counts; the targets are the operation's items.
    noteAudit(request, {
      resourceId: operation.id,
      after: {
        operationId: operation.id,
        kind: operation.kind,
        selection: operation.selection,
        targets: operation.total,
        failedAtOnce: operation.failed,
        sendAt: body.sendAt ?? null,
        replayed,
      },
    });
    return { operationId: operation.id };
  }
}
