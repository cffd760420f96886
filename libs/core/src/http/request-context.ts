import type { FastifyRequest } from 'fastify';

/** Who is making a request, once authentication has established it. */
export interface RequestActor {
  id: string;
  email: string;
  role: string;
}

/** What a handler knows about the change it made, for the audit trail to record. */
export interface AuditNote {
  resourceId?: string;
  before?: unknown;
  after?: unknown;
}

/** What a request carries through Botdeck's pipeline besides what Fastify gives it. */
export interface RequestState {
  actor?: RequestActor;
  /** The Nest handler and controller that serve the request, set by the global guard. */
  route?: {
    handler: (...args: unknown[]) => unknown;
    controller: abstract new (...args: never[]) => unknown;
  };
  /** Filled by handlers through `noteAudit`. */
  audit?: AuditNote;
}

export type AppRequest = FastifyRequest & { botdeck?: RequestState };

export function requestState(request: FastifyRequest): RequestState {
  const req = request as AppRequest;
  req.botdeck ??= {};
  return req.botdeck;
}

export function clientIp(request: FastifyRequest): string {
  return request.ip;
}

export function userAgent(request: FastifyRequest): string | null {
  const value = request.headers['user-agent'];
  return typeof value === 'string' ? value.slice(0, 512) : null;
}
