import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const catalogConfig = registerAs('catalog', () => {
  const env = new EnvReader();
  return {
    /**
     * Body size limit of the two bulk routes that carry thousands of rows (product upsert,
     * stock adjustments), in place of BODY_LIMIT_BYTES there only: 5 000 products with
     * descriptions exceed the API-wide 1 MiB.
     */
    bulkBodyLimitBytes: env.int('CATALOG_BULK_BODY_LIMIT_BYTES', {
      default: 16 * 1024 * 1024,
      min: 1024,
      max: 256 * 1024 * 1024,
    }),
  };
});

export type CatalogConfig = ReturnType<typeof catalogConfig>;
