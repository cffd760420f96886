import { SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type AuditNote, requestState } from './request-context';

export const AUDIT_METADATA = 'botdeck:audited';

export interface AuditSpec {
  /** Stable action name, `<resource>.<verb>` (`user.create`, `bot.start`). */
  action: string;
  /** Resource type (`user`, `bot`). */
  resource: string;
  /** Route parameter that holds the resource id, when there is one. */
  idParam?: string;
}

/**
 * Names the audit action a route performs. Mutating routes without it are still audited,
 * under an action derived from the controller and handler names.
 */
export const Audited = (action: string, resource: string, options: { idParam?: string } = {}) =>
  SetMetadata<string, AuditSpec>(AUDIT_METADATA, { action, resource, ...options });

export const NOT_AUDITED = 'botdeck:not-audited';

/**
 * A mutating route that is no one's admin action, such as Discord delivering an interaction
 * (recorded as a command log instead): no audit entry and no request-wide unit of work.
 */
export const NotAudited = () => SetMetadata(NOT_AUDITED, true);

/** Called by a controller to give the audit trail the resource id and before/after state. */
export function noteAudit(request: FastifyRequest, note: AuditNote): void {
  const state = requestState(request);
  state.audit = { ...state.audit, ...note };
}
