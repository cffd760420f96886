import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { NotFoundError, RateLimitedError, ValidationFailedError } from './app-error';
import { toErrorEnvelope } from './to-error-envelope';

describe('toErrorEnvelope', () => {
  it('keeps a domain error’s code, status, message and details', () => {
    const error = new ValidationFailedError([
      { field: 'email', messages: ['email must be an email'] },
    ]);
    expect(toErrorEnvelope(error, 'r1').body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Request validation failed',
      details: [{ field: 'email', messages: ['email must be an email'] }],
      requestId: 'r1',
    });
    expect(toErrorEnvelope(new NotFoundError('USER_NOT_FOUND', 'gone'), 'r').body.code).toBe(
      'USER_NOT_FOUND',
    );
  });

  it('adds Retry-After for rate limiting, rounded up to whole seconds', () => {
    const { body, headers } = toErrorEnvelope(new RateLimitedError(2.2), 'r');
    expect(body.statusCode).toBe(429);
    expect(headers['Retry-After']).toBe('3');
  });

  it('maps framework exceptions to generic codes', () => {
    expect(toErrorEnvelope(new NotFoundException('Cannot GET /x'), 'r').body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: 'No route for GET /x',
    });
    expect(toErrorEnvelope(new ThrottlerException(), 'r').body.code).toBe('RATE_LIMITED');
    expect(
      toErrorEnvelope(new HttpException('Request body is too large', 413), 'r').body.code,
    ).toBe('PAYLOAD_TOO_LARGE');
    expect(
      toErrorEnvelope(
        new BadRequestException(
          "Body is not valid JSON but content-type is set to 'application/json'",
        ),
        'r',
      ).body.code,
    ).toBe('MALFORMED_JSON');
  });

  it('turns a unique violation into 409 without leaking SQL', () => {
    const error = new QueryFailedError(
      'INSERT INTO users …',
      [],
      Object.assign(new Error('dup'), { code: '23505' }),
    );
    const { body } = toErrorEnvelope(error, 'r');
    expect(body).toEqual({
      statusCode: 409,
      code: 'CONFLICT',
      message: 'A resource with the same unique value exists',
      requestId: 'r',
    });
  });

  it('answers 503 DEPENDENCY_UNAVAILABLE with Retry-After when PostgreSQL is unreachable', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('timeout exceeded when trying to connect'),
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('bye'), { code: '57P01' })),
    ]) {
      const { body, headers, unexpected } = toErrorEnvelope(error, 'r');
      expect(body).toEqual({
        statusCode: 503,
        code: 'DEPENDENCY_UNAVAILABLE',
        message: 'PostgreSQL is unavailable; try again shortly',
        details: { dependency: 'postgres', retryAfterSeconds: 5 },
        requestId: 'r',
      });
      expect(headers['Retry-After']).toBe('5');
      expect(unexpected).toBe(false);
    }
  });

  it('answers 503 DEPENDENCY_UNAVAILABLE when a Redis command fails for want of Redis', () => {
    const maxRetries = Object.assign(
      new Error('Reached the max retries per request limit (which is 2).'),
      { name: 'MaxRetriesPerRequestError' },
    );
    for (const error of [new Error('Command timed out'), maxRetries]) {
      const { body, headers } = toErrorEnvelope(error, 'r');
      expect(body).toMatchObject({
        statusCode: 503,
        code: 'DEPENDENCY_UNAVAILABLE',
        details: { dependency: 'redis' },
      });
      expect(headers['Retry-After']).toBe('5');
    }
  });

  it('hides everything about unexpected errors but the request id', () => {
    const { body, unexpected } = toErrorEnvelope(new Error('password=hunter2 at db.ts:12'), 'r9');
    expect(unexpected).toBe(true);
    expect(body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Internal server error',
      requestId: 'r9',
    });
  });
});
