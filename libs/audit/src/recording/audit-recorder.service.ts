import { randomUUID } from 'node:crypto';
import {
  ACCESS_METADATA,
  NOT_AUDITED,
  AUDIT_METADATA,
  AuditSpec,
  clientIp,
  requestState,
  RequestFailure,
  RouteAccess,
  userAgent,
} from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuditEntry, AuditOutcome } from '../entries/audit-entry.entity';
import { isMutating, resolveAuditSpec } from './audit-action';
import { AuditWriter } from '../writing/audit-writer.service';
import { safeText, toChangeSet } from './redact';

type Handler = (...args: unknown[]) => unknown;
type Controller = abstract new (...args: never[]) => unknown;

export interface AuditedRoute {
  handler: Handler;
  controller: Controller;
}

/**
 * Decides what each request leaves in the audit trail and builds the entry: a success from
 * the interceptor, a failure or a refusal from the request-outcome bus.
 */
@Injectable()
export class AuditRecorder {
  constructor(
    private readonly reflector: Reflector,
    private readonly writer: AuditWriter,
  ) {}

  /**
   * The entry for a mutating request whose handler returned `body`, or null for a read. The
   * caller stores it in the request's own transaction, so it commits with the change.
   */
  successEntry(
    request: FastifyRequest,
    route: AuditedRoute,
    body: unknown,
    statusCode: number,
  ): AuditEntry | null {
    if (!isMutating(request.method)) return null;
    const spec = this.specOf(route);
    const note = requestState(request).audit;
    return this.entry(request, spec, 'success', {
      statusCode,
      resourceId: note?.resourceId ?? this.paramId(request, spec) ?? idOf(body) ?? null,
      before: note?.before,
      after: note?.after !== undefined ? note.after : body,
    });
  }

  /**
   * A request that ended in an error, handed to the writer (nothing of the request commits,
   * so the entry cannot ride its transaction). Refusals (401/403) of a non-public route are `denied`
   * whatever the method; other failures count only for mutating requests. Requests that never
   * reached a route (unknown path, unparseable body) carry no route and are not recorded.
   */
  recordFailure({ request, error }: RequestFailure): void {
    const route = requestState(request).route;
    if (!route || this.notAudited(route)) return;
    const refused = error.statusCode === 401 || error.statusCode === 403;
    const outcome: AuditOutcome | null =
      refused && !this.isPublic(route) ? 'denied' : isMutating(request.method) ? 'failure' : null;
    if (!outcome) return;
    const spec = this.specOf(route);
    const note = requestState(request).audit;
    this.writer.record(
      this.entry(request, spec, outcome, {
        statusCode: error.statusCode,
        errorCode: error.code,
        resourceId: note?.resourceId ?? this.paramId(request, spec) ?? null,
        before: note?.before,
        // Nothing changed: keep what was attempted (the failed login's email, for one).
        after: note?.after !== undefined ? note.after : request.body,
      }),
    );
  }

  private specOf(route: AuditedRoute): AuditSpec {
    const declared = this.reflector.getAllAndOverride<AuditSpec | undefined>(AUDIT_METADATA, [
      route.handler,
      route.controller,
    ]);
    return resolveAuditSpec(declared, route.controller.name, route.handler.name);
  }

  private notAudited(route: AuditedRoute): boolean {
    return (
      this.reflector.getAllAndOverride<boolean | undefined>(NOT_AUDITED, [
        route.handler,
        route.controller,
      ]) === true
    );
  }

  private isPublic(route: AuditedRoute): boolean {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [
      route.handler,
      route.controller,
    ]);
    return access?.public === true;
  }

  private paramId(request: FastifyRequest, spec: AuditSpec): string | undefined {
    const params = request.params as Record<string, unknown> | undefined;
    const value = params?.[spec.idParam ?? 'id'];
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  private entry(
    request: FastifyRequest,
    spec: AuditSpec,
    outcome: AuditOutcome,
    facts: {
      statusCode: number;
      errorCode?: string;
      resourceId: string | null;
      before: unknown;
      after: unknown;
    },
  ): AuditEntry {
    const actor = requestState(request).actor;
    const entry = new AuditEntry();
    // Every text column goes through safeText: a client chooses the path, the params, the
    // user agent and the request id, and PostgreSQL refuses NUL in `text`.
    Object.assign(entry, {
      id: randomUUID(),
      createdAt: new Date(),
      actorId: actor?.id ?? null,
      actorEmail: nullableText(actor?.email, 320),
      actorRole: nullableText(actor?.role, 32),
      action: safeText(spec.action, 200),
      resourceType: nullableText(spec.resource, 200),
      resourceId: nullableText(facts.resourceId, 200),
      outcome,
      errorCode: nullableText(facts.errorCode, 100),
      statusCode: facts.statusCode,
      method: safeText(request.method, 16),
      // The query string stays out: it may carry a token.
      path: safeText(request.url.split('?')[0] ?? request.url, 2048),
      requestId: nullableText(request.id, 200),
      ip: nullableText(clientIp(request), 100),
      userAgent: nullableText(userAgent(request), 512),
      before: toChangeSet(facts.before),
      after: toChangeSet(facts.after),
    } satisfies AuditEntry);
    return entry;
  }
}

function nullableText(value: string | null | undefined, max: number): string | null {
  return value === null || value === undefined ? null : safeText(value, max);
}

function idOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const id = (body as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
