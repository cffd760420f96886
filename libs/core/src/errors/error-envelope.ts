import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CORE_ERRORS } from './core.errors';

/** The one shape every error response has, from every layer and for every status. */
export class ErrorEnvelope {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'USER_NOT_FOUND', description: 'Stable upper-snake error code' })
  code!: string;

  @ApiProperty({ example: 'User 3f0c… not found' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Structured details; for VALIDATION_FAILED a list of { field, messages }',
    oneOf: [{ type: 'array', items: { type: 'object' } }, { type: 'object' }],
  })
  details?: unknown;

  @ApiProperty({ example: '8f14e45f-ceea-467f-a0e6-5a1b2c3d4e5f' })
  requestId!: string;
}

/** Generic codes for statuses raised by the framework rather than by Botdeck's own errors. */
export const HTTP_STATUS_CODES: Record<number, string> = {
  400: CORE_ERRORS.BAD_REQUEST,
  401: CORE_ERRORS.UNAUTHENTICATED,
  403: CORE_ERRORS.FORBIDDEN,
  404: CORE_ERRORS.NOT_FOUND,
  405: CORE_ERRORS.METHOD_NOT_ALLOWED,
  406: CORE_ERRORS.NOT_ACCEPTABLE,
  409: CORE_ERRORS.CONFLICT,
  413: CORE_ERRORS.PAYLOAD_TOO_LARGE,
  415: CORE_ERRORS.UNSUPPORTED_MEDIA_TYPE,
  422: CORE_ERRORS.UNPROCESSABLE_ENTITY,
  429: CORE_ERRORS.RATE_LIMITED,
  500: CORE_ERRORS.INTERNAL_ERROR,
  503: CORE_ERRORS.SERVICE_UNAVAILABLE,
};
