import {
  Actor,
  ApiErrorResponses,
  ApiPage,
  Audited,
  noteAudit,
  type RequestActor,
  Roles,
  UuidPipe,
  ValidationFailedError,
} from '@botdeck/core';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { LifecycleKind } from './bulk-operation.entity';
import { BulkOperationsService } from './bulk-operations.service';
import { BulkBotsDto } from './dto/bulk-bots.dto';
import {
  BulkOperationAcceptedDto,
  BulkOperationDto,
  BulkOperationSummaryDto,
} from './dto/bulk-operation.dto';
import { ItemsPageQuery } from './dto/items-page.query';
import { ListOperationsQuery } from './dto/list-operations.query';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const IdempotencyHeader = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Repeat the request with the same key to get the same operation back; ' +
      'the same key with another body is refused with 409 IDEMPOTENCY_KEY_REUSED',
  });

/** Start, stop or restart many bots at once; each bot's result is tracked separately. */
@ApiTags('bulk')
@Controller('bulk')
export class BulkOperationsController {
  constructor(private readonly operations: BulkOperationsService) {}

  @Post('bots/start')
  @Roles('operator')
  @Audited('bulk.bots.start', 'bulk_operation')
  @HttpCode(202)
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Start up to 500 bots, picked by id or by tag' })
  @ApiAcceptedResponse({ type: BulkOperationAcceptedDto })
  @ApiErrorResponses(400, 409)
  start(
    @Body() body: BulkBotsDto,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: RequestActor | undefined,
    @Req() request: FastifyRequest,
  ): Promise<BulkOperationAcceptedDto> {
    return this.create('start', { body, key, actor }, request);
  }

  @Post('bots/stop')
  @Roles('operator')
  @Audited('bulk.bots.stop', 'bulk_operation')
  @HttpCode(202)
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Stop up to 500 bots, picked by id or by tag' })
  @ApiAcceptedResponse({ type: BulkOperationAcceptedDto })
  @ApiErrorResponses(400, 409)
  stop(
    @Body() body: BulkBotsDto,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: RequestActor | undefined,
    @Req() request: FastifyRequest,
  ): Promise<BulkOperationAcceptedDto> {
    return this.create('stop', { body, key, actor }, request);
  }

  @Post('bots/restart')
  @Roles('operator')
  @Audited('bulk.bots.restart', 'bulk_operation')
  @HttpCode(202)
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Restart up to 500 bots (stopped ones are started)' })
  @ApiAcceptedResponse({ type: BulkOperationAcceptedDto })
  @ApiErrorResponses(400, 409)
  restart(
    @Body() body: BulkBotsDto,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: RequestActor | undefined,
    @Req() request: FastifyRequest,
  ): Promise<BulkOperationAcceptedDto> {
    return this.create('restart', { body, key, actor }, request);
  }

  @Get('operations')
  @Roles('viewer')
  @ApiOperation({ summary: 'Bulk operations, newest first (without per-bot results)' })
  @ApiPage(BulkOperationSummaryDto)
  @ApiErrorResponses(400)
  async list(@Query() query: ListOperationsQuery) {
    const page = await this.operations.list(query);
    return {
      items: page.items.map((operation) => BulkOperationSummaryDto.from(operation)),
      nextCursor: page.nextCursor,
    };
  }

  @Get('operations/:id')
  @Roles('viewer')
  @ApiOperation({
    summary: 'An operation: totals and its results, one per target, a page at a time',
  })
  @ApiOkResponse({ type: BulkOperationDto })
  @ApiErrorResponses(400, 404)
  async get(
    @Param('id', UuidPipe) id: string,
    @Query() page: ItemsPageQuery,
  ): Promise<BulkOperationDto> {
    const { operation, items } = await this.operations.getWithItems(id, page);
    return BulkOperationDto.withItems(operation, items);
  }

  @Post('operations/:id/cancel')
  @Roles('operator')
  @Audited('bulk.operation.cancel', 'bulk_operation', { idParam: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an operation: what it has not sent yet is not sent (message operations)',
  })
  @ApiOkResponse({ type: BulkOperationSummaryDto })
  @ApiErrorResponses(400, 404, 409)
  async cancel(
    @Param('id', UuidPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<BulkOperationSummaryDto> {
    const operation = BulkOperationSummaryDto.from(await this.operations.cancel(id));
    noteAudit(request, { after: { status: operation.status, totals: operation.totals } });
    return operation;
  }

  private async create(
    kind: LifecycleKind,
    input: { body: BulkBotsDto; key: string | undefined; actor: RequestActor | undefined },
    request: FastifyRequest,
  ): Promise<BulkOperationAcceptedDto> {
    const { operation, botIds, replayed } = await this.operations.create({
      kind,
      body: input.body,
      actorId: input.actor?.id ?? null,
      idempotencyKey: parseIdempotencyKey(input.key),
    });
    // One entry per request; the bots it touches are listed in the change set.
    noteAudit(request, {
      resourceId: operation.id,
      after: { operationId: operation.id, kind, selection: operation.selection, botIds, replayed },
    });
    return { operationId: operation.id };
  }
}

/** The `Idempotency-Key` header, checked; null when absent. */
export function parseIdempotencyKey(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(raw)) {
    throw new ValidationFailedError([
      {
        field: 'Idempotency-Key',
        messages: ['Idempotency-Key must be 1–255 printable ASCII characters without spaces'],
      },
    ]);
  }
  return raw;
}
