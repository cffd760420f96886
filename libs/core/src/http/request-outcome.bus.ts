import { Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ErrorEnvelope } from '../errors/error-envelope';

export interface RequestFailure {
  request: FastifyRequest;
  error: ErrorEnvelope;
}

type Listener = (failure: RequestFailure) => void | Promise<void>;

/**
 * Lets domains observe requests that ended in an error (the audit trail records refusals)
 * without core knowing who listens.
 */
@Injectable()
export class RequestOutcomeBus {
  private readonly logger = new Logger(RequestOutcomeBus.name);
  private readonly listeners: Listener[] = [];

  onFailure(listener: Listener): void {
    this.listeners.push(listener);
  }

  async failed(failure: RequestFailure): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(failure);
      } catch (error) {
        this.logger.error({ err: error }, 'A request-failure listener threw');
      }
    }
  }
}
