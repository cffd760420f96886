import { BadRequestError, ConflictError, errorCodes, NotFoundError } from '@botdeck/core';

/** Codes the bulk-operations API answers with. */
export const BULK_OPERATIONS_ERRORS = errorCodes(
  'BULK_OPERATION_NOT_FOUND',
  'IDEMPOTENCY_KEY_REUSED',
  'BULK_SELECTION_EMPTY',
  'BULK_SELECTION_TOO_LARGE',
  'BULK_OPERATION_NOT_CANCELLABLE',
);

/**
 * Codes recorded on a failed item of an operation (besides BOT_NOT_FOUND): the bot ended
 * elsewhere than asked, took longer than BULK_ITEM_TIMEOUT_MS, or the job itself kept failing.
 */
export const BULK_ITEM_ERRORS = errorCodes(
  'BOT_START_FAILED',
  'BOT_STOP_FAILED',
  'BOT_RESTART_FAILED',
  'BOT_START_TIMEOUT',
  'BOT_STOP_TIMEOUT',
  'BOT_RESTART_TIMEOUT',
  'BULK_ITEM_FAILED',
  'BULK_OPERATION_CANCELLED',
);

export class BulkOperationNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(BULK_OPERATIONS_ERRORS.BULK_OPERATION_NOT_FOUND, `Bulk operation ${id} not found`);
  }
}

export class IdempotencyKeyReusedError extends ConflictError {
  constructor(operationId: string) {
    super(
      BULK_OPERATIONS_ERRORS.IDEMPOTENCY_KEY_REUSED,
      'This Idempotency-Key was already used for a different request; use a new key',
      { operationId },
    );
  }
}

export class BulkSelectionEmptyError extends BadRequestError {
  constructor(tags: string[]) {
    super(
      BULK_OPERATIONS_ERRORS.BULK_SELECTION_EMPTY,
      `No bot carries any of the tags: ${tags.join(', ')}`,
      { tags },
    );
  }
}

export class BulkSelectionTooLargeError extends BadRequestError {
  constructor(matched: number, max: number) {
    super(
      BULK_OPERATIONS_ERRORS.BULK_SELECTION_TOO_LARGE,
      `The tags match ${matched} bots; one operation takes at most ${max}`,
      { matched, max },
    );
  }
}

export class BulkOperationNotCancellableError extends ConflictError {
  constructor(id: string, reason: string) {
    super(
      BULK_OPERATIONS_ERRORS.BULK_OPERATION_NOT_CANCELLABLE,
      `Bulk operation ${id} cannot be cancelled: ${reason}`,
      { operationId: id },
    );
  }
}
