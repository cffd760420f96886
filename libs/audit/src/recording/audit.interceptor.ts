import { EventBus, NOT_AUDITED, UnitOfWork } from '@botdeck/core';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuditEntryDto } from '../entries/dto/audit-entry.dto';
import { insertEntries } from '../writing/audit-entry.store';
import { AuditMetrics } from '../writing/audit-metrics';
import { isMutating } from './audit-action';
import { AuditedRoute, AuditRecorder } from './audit-recorder.service';

/**
 * Runs every mutating request as one unit of work and records its success entry in that
 * unit's transaction, just before it commits: a 2xx mutation always has its entry, and a
 * change that rolls back (the handler threw, or the entry itself could not be stored) never
 * has one. Failures and refusals are recorded from the request-outcome bus instead, because
 * nothing of theirs commits and a refusal by the guard never reaches an interceptor.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly recorder: AuditRecorder,
    private readonly reflector: Reflector,
    private readonly uow: UnitOfWork,
    private readonly metrics: AuditMetrics,
    private readonly events: EventBus,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!isMutating(request.method)) return next.handle();
    const route: AuditedRoute = {
      handler: context.getHandler() as AuditedRoute['handler'],
      controller: context.getClass(),
    };
    if (this.reflector.getAllAndOverride<boolean>(NOT_AUDITED, [route.handler, route.controller]))
      return next.handle();
    // Nest applies the status after the handler's value is emitted, so read it as Nest will.
    const statusCode =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, route.handler) ??
      (request.method === 'POST' ? 201 : 200);
    // The handler runs when its observable is subscribed, so subscribing inside run() puts
    // the handler, and every write it makes through the unit of work, inside the scope.
    return from(
      this.uow.run(async () => {
        const body: unknown = await lastValueFrom(next.handle() as Observable<unknown>, {
          defaultValue: undefined,
        });
        const entry = this.recorder.successEntry(request, route, body, statusCode);
        if (entry) {
          await this.uow.beforeCommit((manager) => insertEntries(manager, [entry]));
          this.uow.afterCommit(async () => {
            this.metrics.add('written', 1);
            await this.events.publish('audit.recorded', { entries: [AuditEntryDto.from(entry)] });
          });
        }
        return body;
      }),
    );
  }
}
