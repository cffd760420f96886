import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const httpInteractionsConfig = registerAs('httpInteractions', () => {
  const env = new EnvReader();
  return {
    /** A signed request whose timestamp is further than this from now (either way) is refused. */
    maxSkewSeconds: env.int('INTERACTIONS_MAX_SKEW_SECONDS', { default: 300, min: 5, max: 3_600 }),
    /** Largest interaction body accepted, in bytes (Discord's payloads are a few KB). */
    bodyLimitBytes: env.int('INTERACTIONS_BODY_LIMIT_BYTES', {
      default: 262_144,
      min: 1_024,
      max: 4_194_304,
    }),
    /** How long a bot's key, mode and token are reused before being read again. */
    botCacheMs: env.int('INTERACTIONS_BOT_CACHE_MS', { default: 5_000, min: 0, max: 300_000 }),
    /**
     * The request is answered 202 once the handler's first response (reply or deferral) has been
     * accepted by Discord's callback route, or after this long at the latest.
     */
    /**
     * discord.js's own global request budget for the API's interaction clients (Discord's 50/s
     * by default). Discord exempts interaction responses and their webhooks from its global
     * limit; raise it when the handlers call no other route.
     */
    globalRequestsPerSecond: env.int('INTERACTIONS_GLOBAL_REQUESTS_PER_SECOND', {
      default: 50,
      min: 1,
      max: 100_000,
    }),
    ackWaitMs: env.int('INTERACTIONS_ACK_WAIT_MS', { default: 3_000, min: 100, max: 10_000 }),
  };
});

export type HttpInteractionsConfig = ReturnType<typeof httpInteractionsConfig>;
