import { BadRequestError, ConflictError, NotFoundError } from '@botdeck/core';

export class BulkOperationNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('BULK_OPERATION_NOT_FOUND', `Bulk operation ${id} not found`);
  }
}

export class IdempotencyKeyReusedError extends ConflictError {
  constructor(operationId: string) {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request; use a new key',
      { operationId },
    );
  }
}

export class BulkSelectionEmptyError extends BadRequestError {
  constructor(tags: string[]) {
    super('BULK_SELECTION_EMPTY', `No bot carries any of the tags: ${tags.join(', ')}`, { tags });
  }
}

export class BulkSelectionTooLargeError extends BadRequestError {
  constructor(matched: number, max: number) {
    super(
      'BULK_SELECTION_TOO_LARGE',
      `The tags match ${matched} bots; one operation takes at most ${max}`,
      { matched, max },
    );
  }
}
