import {
  Audited,
  ErrorEnvelope,
  noteAudit,
  Public,
  requestState,
  RequestActor,
  Roles,
} from '@botdeck/core';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { AuditEntry } from '../entries/audit-entry.entity';
import { AuditRecorder, AuditedRoute } from './audit-recorder.service';
import type { AuditWriter } from '../writing/audit-writer.service';
import { REDACTED } from './redact';

@Roles('admin')
class UsersController {
  @Audited('user.update_role', 'user', { idParam: 'userId' })
  updateRole(): void {}

  rotateToken(): void {}

  list(): void {}

  @Public()
  @Audited('auth.login', 'user')
  login(): void {}
}

function route(handler: keyof UsersController): AuditedRoute {
  return {
    handler: UsersController.prototype[handler],
    controller: UsersController,
  };
}

function fakeRequest(
  method: string,
  options: { params?: object; body?: unknown; actor?: RequestActor; url?: string } = {},
): FastifyRequest {
  const request = {
    id: 'req-1',
    method,
    url: options.url ?? '/api/v1/users/u-1/role?token=abc',
    ip: '203.0.113.7',
    headers: { 'user-agent': 'jest' },
    params: options.params ?? {},
    body: options.body,
  } as unknown as FastifyRequest;
  if (options.actor) requestState(request).actor = options.actor;
  return request;
}

const admin = { id: 'a-1', email: 'ada@example.com', role: 'admin' };
const error = (statusCode: number, code: string): ErrorEnvelope => ({
  statusCode,
  code,
  message: code,
  requestId: 'req-1',
});

describe('AuditRecorder', () => {
  let recorded: AuditEntry[];
  let recorder: AuditRecorder;

  beforeEach(() => {
    recorded = [];
    const writer = { record: (entry: AuditEntry) => recorded.push(entry) };
    recorder = new AuditRecorder(new Reflector(), writer as unknown as AuditWriter);
  });

  /** Successes are returned (the interceptor stores them in the request's transaction). */
  const recordSuccess = (...args: Parameters<AuditRecorder['successEntry']>) => {
    const entry = recorder.successEntry(...args);
    if (entry) recorded.push(entry);
  };

  describe('successes', () => {
    it('builds the entry from the spec, the note and the request', () => {
      const request = fakeRequest('PATCH', { params: { userId: 'u-1' }, actor: admin });
      noteAudit(request, { before: { role: 'viewer' }, after: { role: 'operator' } });
      recordSuccess(request, route('updateRole'), { id: 'ignored' }, 200);

      expect(recorded).toEqual([
        expect.objectContaining({
          id: expect.any(String),
          createdAt: expect.any(Date),
          actorId: 'a-1',
          actorEmail: 'ada@example.com',
          actorRole: 'admin',
          action: 'user.update_role',
          resourceType: 'user',
          resourceId: 'u-1',
          outcome: 'success',
          errorCode: null,
          statusCode: 200,
          method: 'PATCH',
          path: '/api/v1/users/u-1/role',
          requestId: 'req-1',
          ip: '203.0.113.7',
          userAgent: 'jest',
          before: { role: 'viewer' },
          after: { role: 'operator' },
        }),
      ]);
    });

    it('takes the resource id from the note, then the id param, then the response', () => {
      const noted = fakeRequest('PATCH', { params: { userId: 'from-param' } });
      noteAudit(noted, { resourceId: 'from-note' });
      recordSuccess(noted, route('updateRole'), { id: 'from-body' }, 200);
      recordSuccess(
        fakeRequest('PATCH', { params: { userId: 'from-param' } }),
        route('updateRole'),
        { id: 'from-body' },
        200,
      );
      recordSuccess(fakeRequest('POST'), route('rotateToken'), { id: 42 }, 201);
      expect(recorded.map((entry) => entry.resourceId)).toEqual(['from-note', 'from-param', '42']);
    });

    it('derives the action of an undeclared route and redacts the response it stores', () => {
      recordSuccess(
        fakeRequest('POST'),
        route('rotateToken'),
        { id: 'b-1', token: 'plain', nested: { clientSecret: 's' } },
        201,
      );
      expect(recorded[0]).toMatchObject({
        action: 'users.rotate_token',
        resourceType: 'users',
        after: { id: 'b-1', token: REDACTED, nested: { clientSecret: REDACTED } },
      });
    });

    it('ignores reads', () => {
      recordSuccess(fakeRequest('GET'), route('list'), [], 200);
      expect(recorded).toEqual([]);
    });
  });

  describe('failures', () => {
    it('records a refusal on a protected route as denied, even for a read', () => {
      const request = fakeRequest('GET', { actor: { ...admin, role: 'viewer' } });
      requestState(request).route = route('list');
      recorder.recordFailure({ request, error: error(403, 'ROLE_TOO_LOW') });
      expect(recorded).toEqual([
        expect.objectContaining({
          outcome: 'denied',
          action: 'users.list',
          errorCode: 'ROLE_TOO_LOW',
          actorRole: 'viewer',
        }),
      ]);
    });

    it('records a 401 on a public mutating route as failure, keeping the attempt redacted', () => {
      const request = fakeRequest('POST', { body: { email: 'x@y.z', password: 'guess' } });
      requestState(request).route = route('login');
      recorder.recordFailure({ request, error: error(401, 'INVALID_CREDENTIALS') });
      expect(recorded).toEqual([
        expect.objectContaining({
          outcome: 'failure',
          action: 'auth.login',
          errorCode: 'INVALID_CREDENTIALS',
          statusCode: 401,
          actorId: null,
          after: { email: 'x@y.z', password: REDACTED },
        }),
      ]);
    });

    it('records other failures of mutating requests only', () => {
      const post = fakeRequest('PATCH', { params: { userId: 'u-9' } });
      requestState(post).route = route('updateRole');
      recorder.recordFailure({ request: post, error: error(404, 'USER_NOT_FOUND') });

      const get = fakeRequest('GET');
      requestState(get).route = route('list');
      recorder.recordFailure({ request: get, error: error(404, 'USER_NOT_FOUND') });

      expect(recorded).toEqual([
        expect.objectContaining({
          outcome: 'failure',
          errorCode: 'USER_NOT_FOUND',
          resourceId: 'u-9',
        }),
      ]);
    });

    it('stores hostile text sanitised: NUL and lone surrogates in params, body and headers', () => {
      const request = fakeRequest('PATCH', {
        params: { userId: 'a\u0000b' },
        body: { name: '\ud800', auth: 'Bearer abc' },
        url: '/api/v1/users/a%00b/role',
      });
      request.headers['user-agent'] = 'evil\u0000\udc00';
      requestState(request).route = route('updateRole');
      recorder.recordFailure({ request, error: error(401, 'TOKEN_MISSING') });
      expect(recorded).toEqual([
        expect.objectContaining({
          resourceId: 'ab',
          userAgent: 'evil\ufffd',
          after: { name: '\ufffd', auth: `Bearer ${REDACTED}` },
        }),
      ]);
    });

    it('ignores requests that never reached a route (unknown path)', () => {
      recorder.recordFailure({
        request: fakeRequest('POST'),
        error: error(404, 'ROUTE_NOT_FOUND'),
      });
      recorder.recordFailure({
        request: fakeRequest('DELETE'),
        error: error(401, 'TOKEN_MISSING'),
      });
      expect(recorded).toEqual([]);
    });
  });
});
