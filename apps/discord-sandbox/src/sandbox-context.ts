import type { FastifyReply } from 'fastify';
import { SandboxStore } from './domain/sandbox-store';
import { FaultRegistry } from './faults/fault-registry';
import { GatewayHub } from './gateway/gateway-hub';
import { InteractionWebhooksService } from './interactions/interaction-webhooks.service';
import { ControlError } from './control/control-error';
import { InteractionsService } from './interactions/interactions.service';
import { MessagesService } from './messages/messages.service';
import { RateLimiter } from './rate-limits/rate-limiter';
import { RequestStats } from './stats/request-stats';

/** Everything the routes need, built once per sandbox; no module-level state anywhere. */
export interface SandboxContext {
  store: SandboxStore;
  gateway: GatewayHub;
  messages: MessagesService;
  interactions: InteractionsService;
  webhooks: InteractionWebhooksService;
  limiter: RateLimiter;
  faults: FaultRegistry;
  stats: RequestStats;
  /** The server's own base URL (`http://host:port`), once listening. */
  baseUrl(): string;
  /** Back to the seeded state: used by `POST /_sandbox/reset`. */
  reset(): void;
  sendControlError(reply: FastifyReply, error: unknown): FastifyReply;
}

/** The control API's error envelope, the same shape as Botdeck's own API. */
export function controlErrorBody(error: unknown): {
  statusCode: number;
  code: string;
  message: string;
} {
  if (error instanceof ControlError) {
    return { statusCode: error.statusCode, code: error.code, message: error.message };
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status < 500) {
    return { statusCode: status, code: 'BAD_REQUEST', message: (error as Error).message };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error' };
}
