import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorEnvelope, HTTP_STATUS_CODES } from '../errors/error-envelope';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Validation failed or malformed request',
  401: 'Missing, expired or invalid access token',
  403: 'Your role does not allow this',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  429: 'Rate limited; see Retry-After',
  503: 'A required dependency is unavailable',
};

/** Documents the error envelope for the given statuses (500 is always added). */
export function ApiErrorResponses(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ErrorEnvelope),
    ...[...new Set([...statuses, 500])].map((status) =>
      ApiResponse({
        status,
        description: `${HTTP_STATUS_CODES[status] ?? 'ERROR'}: ${DESCRIPTIONS[status] ?? 'Unexpected error'}`,
        schema: { $ref: getSchemaPath(ErrorEnvelope) },
      }),
    ),
  );
}
