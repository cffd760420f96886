import type { ErrorEnvelope } from './types';

/** A failed request, carrying the envelope's code and message for the page to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Builds the error from whatever came back: the envelope when there is one. */
  static from(status: number, body: unknown): ApiError {
    if (isEnvelope(body)) return new ApiError(status, body.code, body.message, body.details);
    if (status === 0) return new ApiError(0, 'NETWORK_ERROR', 'The API could not be reached.');
    return new ApiError(status, `HTTP_${status}`, `The API answered ${status}.`);
  }
}

export function isEnvelope(body: unknown): body is ErrorEnvelope {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ErrorEnvelope).code === 'string' &&
    typeof (body as ErrorEnvelope).message === 'string'
  );
}

/** The message and code a page shows for any thrown value. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'UNEXPECTED', message: error.message };
  return { code: 'UNEXPECTED', message: String(error) };
}
