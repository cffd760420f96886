import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorEnvelope } from '../errors/error-envelope';
import { CORE_ERRORS } from '../errors/core.errors';

interface Refusal {
  statusCode: number;
  code: string;
  message: string;
}

/** What Node's HTTP parser reports before Fastify sees a request (`clientError`). */
function classifyClientError(error: NodeJS.ErrnoException): Refusal {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        statusCode: 408,
        code: CORE_ERRORS.REQUEST_TIMEOUT,
        message: 'The request was not received in time',
      };
    case 'HPE_HEADER_OVERFLOW':
      return {
        statusCode: 431,
        code: CORE_ERRORS.HEADERS_TOO_LARGE,
        message: 'Request headers are too large',
      };
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return {
        statusCode: 400,
        code: 'BAD_REQUEST',
        message: 'Content-Length is not valid',
      };
    default:
      return { statusCode: 400, code: 'BAD_REQUEST', message: 'The request is not valid HTTP' };
  }
}

/**
 * Fastify's `clientErrorHandler`: Node answers malformed, oversized or too-slow requests
 * itself, before any route or filter runs. This writes the same envelope as every other
 * error, with a fresh request id (there is no request to take one from), then closes.
 */
export function envelopeClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const pending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !pending?.headersSent) {
    const refusal = classifyClientError(error);
    const requestId = randomUUID();
    const body = JSON.stringify({ ...refusal, requestId } satisfies ErrorEnvelope);
    socket.write(
      `HTTP/1.1 ${refusal.statusCode} ${STATUS_CODES[refusal.statusCode] ?? 'Error'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}

const FRAMEWORK_REFUSALS: Record<string, Refusal> = {
  FST_ERR_BAD_URL: {
    statusCode: 400,
    code: CORE_ERRORS.BAD_URL,
    message: 'The URL has a malformed percent-encoding',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    statusCode: 414,
    code: CORE_ERRORS.URI_TOO_LONG,
    message: 'A path parameter is longer than allowed',
  },
};

/**
 * Fastify's `frameworkErrors`: the router refuses these before routing, so neither hooks nor
 * Nest's exception filter run; answer with the envelope here.
 */
export function envelopeFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const refusal = FRAMEWORK_REFUSALS[error.code] ?? {
    statusCode: 400,
    code: 'BAD_REQUEST',
    message: 'The request could not be routed',
  };
  const body: ErrorEnvelope = { ...refusal, requestId: request.id };
  void reply
    .code(refusal.statusCode)
    .header('X-Request-Id', request.id)
    .header('Content-Type', 'application/json; charset=utf-8')
    .send(JSON.stringify(body));
}
