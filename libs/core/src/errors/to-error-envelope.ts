import { HttpException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, pgErrorCode } from '../database/pg-errors';
import { isRedisUnavailable } from '../redis/redis-errors';
import { AppError, DependencyUnavailableError, RateLimitedError } from './app-error';
import { ErrorEnvelope, HTTP_STATUS_CODES } from './error-envelope';
import { CORE_ERRORS } from './core.errors';

export interface ErrorResponse {
  body: ErrorEnvelope;
  headers: Record<string, string>;
  /** True when the error was not raised on purpose and deserves a full log entry. */
  unexpected: boolean;
}

/** Fastify's own errors (body parsing, size limits) carry a numeric statusCode and an FST_ code. */
interface FrameworkError {
  statusCode: number;
  code?: string;
  message: string;
}

const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: CORE_ERRORS.MALFORMED_JSON,
    message: 'Request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: CORE_ERRORS.MALFORMED_JSON,
    message: 'Request body is empty but Content-Type is application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: CORE_ERRORS.PAYLOAD_TOO_LARGE,
    message: 'Request body is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: CORE_ERRORS.UNSUPPORTED_MEDIA_TYPE,
    message: 'Unsupported Content-Type; send application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: CORE_ERRORS.BAD_REQUEST,
    message: 'Content-Length does not match the body',
  },
};

// PostgreSQL SQLSTATEs that a client can cause; everything else is our fault (500).
const PG_CODES: Record<string, { status: number; code: string; message: string }> = {
  '23505': {
    status: 409,
    code: CORE_ERRORS.CONFLICT,
    message: 'A resource with the same unique value exists',
  },
  '22P02': { status: 400, code: CORE_ERRORS.BAD_REQUEST, message: 'A value has an invalid format' },
  '22001': { status: 400, code: CORE_ERRORS.BAD_REQUEST, message: 'A value is too long' },
};

/**
 * A dependency outage surfaces as whatever its driver throws (pg's "Connection terminated",
 * ECONNREFUSED, ioredis' "Command timed out"); any of them, raised anywhere, means 503.
 */
function unavailableDependency(
  exception: unknown,
): DependencyUnavailableError['dependency'] | null {
  if (exception instanceof AppError || exception instanceof HttpException) return null;
  if (isRedisUnavailable(exception)) return 'redis';
  if (isDatabaseUnavailable(exception)) return 'postgres';
  return null;
}

function isFrameworkError(value: unknown): value is FrameworkError {
  return (
    value instanceof Error &&
    typeof (value as unknown as Partial<FrameworkError>).statusCode === 'number' &&
    (value as unknown as FrameworkError).statusCode >= 400 &&
    (value as unknown as FrameworkError).statusCode < 600
  );
}

function envelope(
  statusCode: number,
  code: string,
  message: string,
  requestId: string,
  details?: unknown,
): ErrorEnvelope {
  return details === undefined
    ? { statusCode, code, message, requestId }
    : { statusCode, code, message, details, requestId };
}

function fromHttpException(exception: HttpException, requestId: string): ErrorResponse {
  const status = exception.getStatus();
  const headers: Record<string, string> = {};
  let code =
    HTTP_STATUS_CODES[status] ??
    (status >= 500 ? CORE_ERRORS.INTERNAL_ERROR : CORE_ERRORS.BAD_REQUEST);
  let message = exception.message;
  if (exception instanceof ThrottlerException) {
    message = 'Too many requests; try again later';
  } else if (status === 400 && /JSON/.test(message)) {
    // Nest rewraps Fastify's body-parser errors as plain HttpExceptions, keeping only the text.
    code = CORE_ERRORS.MALFORMED_JSON;
    message = 'Request body is not valid JSON';
  } else if (status === 413) {
    message = 'Request body is too large';
  } else if (status === 415) {
    message = 'Unsupported Content-Type; send application/json';
  } else if (status === 404 && /^Cannot [A-Z]+ /.test(message)) {
    code = CORE_ERRORS.ROUTE_NOT_FOUND;
    message = message.replace(/^Cannot ([A-Z]+) (.*)$/, 'No route for $1 $2');
  }
  if (status >= 500) message = 'Internal server error';
  return { body: envelope(status, code, message, requestId), headers, unexpected: status >= 500 };
}

/**
 * Maps anything thrown while serving a request to the error envelope. Pure: the caller writes
 * the response and decides how to log.
 */
export function toErrorEnvelope(exception: unknown, requestId: string): ErrorResponse {
  const dependency = unavailableDependency(exception);
  if (dependency) return toErrorEnvelope(new DependencyUnavailableError(dependency), requestId);
  if (exception instanceof AppError) {
    const headers: Record<string, string> = {};
    if (exception instanceof RateLimitedError || exception instanceof DependencyUnavailableError) {
      headers['Retry-After'] = String(Math.max(1, Math.ceil(exception.retryAfterSeconds)));
    }
    return {
      body: envelope(
        exception.statusCode,
        exception.code,
        exception.message,
        requestId,
        exception.details,
      ),
      headers,
      unexpected: false,
    };
  }
  if (exception instanceof HttpException) return fromHttpException(exception, requestId);
  if (exception instanceof QueryFailedError) {
    const sqlState = pgErrorCode(exception);
    const known = sqlState ? PG_CODES[sqlState] : undefined;
    if (known) {
      return {
        body: envelope(known.status, known.code, known.message, requestId),
        headers: {},
        unexpected: false,
      };
    }
  }
  if (isFrameworkError(exception)) {
    const known = exception.code ? FASTIFY_CODES[exception.code] : undefined;
    const status = exception.statusCode;
    if (status < 500) {
      return {
        body: envelope(
          status,
          known?.code ?? HTTP_STATUS_CODES[status] ?? CORE_ERRORS.BAD_REQUEST,
          known?.message ?? 'The request could not be processed',
          requestId,
        ),
        headers: {},
        unexpected: false,
      };
    }
  }
  return {
    body: envelope(500, CORE_ERRORS.INTERNAL_ERROR, 'Internal server error', requestId),
    headers: {},
    unexpected: true,
  };
}
