import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Bodies larger than this are sent without an ETag (hashing them would cost more than it saves). */
export const ETAG_MAX_BYTES = 1024 * 1024;

/** A strong validator of these exact bytes: a SHA-1 of the serialized body. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

/**
 * ETag on every successful GET whose body is an in-memory string or buffer up to
 * ETAG_MAX_BYTES (never a stream), and `304 Not Modified` with no body when the client's
 * `If-None-Match` names it: a polling dashboard pays for a hash, not for a body.
 */
export function installEtags(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    done(null, withEtag(request, reply, payload));
  });
}

/** The payload to send: `payload` with its ETag set, or nothing for a 304. */
function withEtag(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
  if (reply.statusCode !== 200 || reply.hasHeader('etag')) return payload;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (Buffer.byteLength(payload) > ETAG_MAX_BYTES) return payload;
  const etag = etagOf(payload);
  void reply.header('ETag', etag);
  const ifNoneMatch = request.headers['if-none-match'];
  if (!ifNoneMatchHits(typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined, etag)) {
    return payload;
  }
  void reply.code(304);
  reply.removeHeader('content-length');
  reply.removeHeader('content-type');
  return '';
}
