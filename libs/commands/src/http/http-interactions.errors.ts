import { AppError, errorCodes, NotFoundError, UnauthenticatedError } from '@botdeck/core';

/** Codes the HTTP interactions endpoint answers with. */
export const HTTP_INTERACTIONS_ERRORS = errorCodes(
  'INTERACTIONS_ENDPOINT_NOT_FOUND',
  'INTERACTION_SIGNATURE_INVALID',
  'INTERACTION_TIMESTAMP_STALE',
  'INTERACTION_INVALID',
  'INTERACTION_UNSUPPORTED',
  'INTERACTION_TOO_LARGE',
);

export class InteractionsEndpointNotFoundError extends NotFoundError {
  constructor() {
    super(
      HTTP_INTERACTIONS_ERRORS.INTERACTIONS_ENDPOINT_NOT_FOUND,
      'No bot receives its interactions here (unknown bot, or not in HTTP mode)',
    );
  }
}

export class InteractionSignatureInvalidError extends UnauthenticatedError {
  constructor(reason: string) {
    super(
      `Invalid request signature: ${reason}`,
      HTTP_INTERACTIONS_ERRORS.INTERACTION_SIGNATURE_INVALID,
    );
  }
}

export class InteractionTimestampStaleError extends UnauthenticatedError {
  constructor(maxSkewSeconds: number) {
    super(
      `X-Signature-Timestamp is more than ${maxSkewSeconds} s away from now`,
      HTTP_INTERACTIONS_ERRORS.INTERACTION_TIMESTAMP_STALE,
    );
  }
}

export class InteractionInvalidError extends AppError {
  constructor(reason: string) {
    super(HTTP_INTERACTIONS_ERRORS.INTERACTION_INVALID, 400, `Not an interaction: ${reason}`);
  }
}

export class InteractionUnsupportedError extends AppError {
  constructor(type: number) {
    super(
      HTTP_INTERACTIONS_ERRORS.INTERACTION_UNSUPPORTED,
      400,
      `Interactions of type ${type} are not served over HTTP`,
    );
  }
}

export class InteractionTooLargeError extends AppError {
  constructor(limit: number) {
    super(
      HTTP_INTERACTIONS_ERRORS.INTERACTION_TOO_LARGE,
      413,
      `Interaction body over ${limit} bytes`,
    );
  }
}
