import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type RequestActor, requestState } from './request-context';

/**
 * The signed-in user making the request, as the global access guard established it; undefined
 * on a public route nobody signed in to. Controllers take this instead of the raw request.
 */
export const Actor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestActor | undefined =>
    requestState(context.switchToHttp().getRequest<FastifyRequest>()).actor,
);
