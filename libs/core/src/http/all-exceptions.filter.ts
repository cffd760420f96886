import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { CORE_ERRORS } from '../errors/core.errors';
import { toErrorEnvelope } from '../errors/to-error-envelope';
import { RouteIndex } from './fastify-adapter';
import { RequestOutcomeBus } from './request-outcome.bus';

/** The single place where an error becomes an HTTP response (the envelope `{ statusCode, code, message, details?, requestId }`). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(
    private readonly outcomes: RequestOutcomeBus,
    private readonly routes: RouteIndex,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { body, headers, unexpected } = toErrorEnvelope(exception, request.id);
    if (body.code === CORE_ERRORS.ROUTE_NOT_FOUND) {
      const allowed = this.routes.allowedMethods(request.url);
      // A path the method does serve (a wildcard such as Swagger UI's static files) that found
      // nothing is a plain 404; 405 only when the method itself is wrong here.
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      if (allowed.length > 0 && !allowed.includes(method)) {
        body.statusCode = 405;
        body.code = CORE_ERRORS.METHOD_NOT_ALLOWED;
        body.message = `${request.method} is not allowed here; use ${allowed.join(', ')}`;
        headers.Allow = allowed.join(', ');
      }
    }

    if (unexpected) {
      this.logger.error({ err: loggable(exception), requestId: request.id }, 'Unexpected error');
    }
    await this.outcomes.failed({ request, error: body });
    if (reply.sent) return;
    void reply.status(body.statusCode).headers(headers).send(body);
  }
}

/** A failed query carries its SQL parameters (hashes, sealed tokens); log only what is safe. */
function loggable(exception: unknown): unknown {
  if (exception instanceof QueryFailedError) {
    const driverError = exception.driverError as { code?: string; message?: string } | undefined;
    return {
      type: 'QueryFailedError',
      message: driverError?.message ?? exception.message,
      code: driverError?.code,
      stack: exception.stack,
    };
  }
  return exception;
}
