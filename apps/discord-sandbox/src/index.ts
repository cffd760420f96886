export { startSandbox } from './sandbox';
export type { RunningSandbox } from './sandbox';
export type { SandboxOptions, SandboxRateLimitOptions } from './sandbox-options';
export type { SandboxSeed } from './domain/seed';
export { SandboxControlClient, SandboxControlError } from './control/control-client';
export type {
  CreatedBot,
  InteractionState,
  PlayedInteraction,
  PlayInteractionRequest,
  SandboxStatsResponse,
} from './control/control-client';
export type { InitialResponse } from './interactions/interaction-record';
export type { ApiCommand, ApiMessage } from './domain/entities';
export { DISCORD_RATE_LIMITS } from './rate-limits/rate-limiter';
export { signingKeysFor, signInteraction } from './domain/signing-keys';
