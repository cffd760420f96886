import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Observable, tap } from 'rxjs';
import { isMutating } from './audit-action';
import { AuditedRoute, AuditRecorder } from './audit-recorder.service';
import { AuditWriter } from './audit-writer.service';

/**
 * Records every mutating request that reaches its handler and succeeds. Failures and refusals
 * are recorded from the request-outcome bus instead, because a refusal by the guard never
 * reaches an interceptor.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly recorder: AuditRecorder,
    private readonly reflector: Reflector,
    private readonly writer: AuditWriter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!isMutating(request.method)) return next.handle();
    const route: AuditedRoute = {
      handler: context.getHandler() as AuditedRoute['handler'],
      controller: context.getClass(),
    };
    // Nest applies the status after the handler's value is emitted, so read it as Nest will.
    const statusCode =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, route.handler) ??
      (request.method === 'POST' ? 201 : 200);
    return next.handle().pipe(
      tap((body) => {
        // The change is made; failing to describe it must not turn it into an error response.
        try {
          const entry = this.recorder.successEntry(request, route, body, statusCode);
          if (entry) this.writer.record(entry);
        } catch (error) {
          this.logger.error({ err: error, requestId: request.id }, 'Could not record audit entry');
        }
      }),
    );
  }
}
