import { CORE_ERRORS } from './core.errors';

/**
 * The base of every error Botdeck raises on purpose. Each carries a stable upper-snake `code`
 * that clients can rely on, the HTTP status it maps to, and optional structured `details`.
 * The global filter turns it into the error envelope; services never throw HttpExceptions.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldError {
  field: string;
  messages: string[];
}

export class ValidationFailedError extends AppError {
  constructor(details: FieldError[], message = 'Request validation failed') {
    super(CORE_ERRORS.VALIDATION_FAILED, 400, message, details);
  }
}

export class BadRequestError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, 400, message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required', code: string = CORE_ERRORS.UNAUTHENTICATED) {
    super(code, 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this', code: string = CORE_ERRORS.FORBIDDEN) {
    super(code, 403, message);
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, message: string) {
    super(code, 404, message);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, 409, message, details);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests; try again later',
  ) {
    super(CORE_ERRORS.RATE_LIMITED, 429, message, { retryAfterSeconds });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, 503, message, details);
  }
}

export type Dependency = 'postgres' | 'redis';

const DEPENDENCY_NAMES: Record<Dependency, string> = { postgres: 'PostgreSQL', redis: 'Redis' };

/**
 * A dependency Botdeck needs for this request is down or too slow. Nothing was done that the
 * client cannot retry; `Retry-After` says when to try again.
 */
export class DependencyUnavailableError extends ServiceUnavailableError {
  constructor(
    readonly dependency: Dependency,
    readonly retryAfterSeconds = 5,
  ) {
    super(
      CORE_ERRORS.DEPENDENCY_UNAVAILABLE,
      `${DEPENDENCY_NAMES[dependency]} is unavailable; try again shortly`,
      { dependency, retryAfterSeconds },
    );
  }
}
