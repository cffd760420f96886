import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const searchConfig = registerAs('search', () => {
  const env = new EnvReader();
  return {
    /** Each group of GET /search counts its matches up to this many (then says "more"). */
    groupCountCap: env.int('SEARCH_GROUP_COUNT_CAP', { default: 1_000, min: 10, max: 100_000 }),
  };
});

export type SearchConfig = ReturnType<typeof searchConfig>;
