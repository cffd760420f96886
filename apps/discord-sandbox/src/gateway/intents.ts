import { GatewayIntentBits } from 'discord-api-types/v10';

export const Intents = GatewayIntentBits;

/** Intents Discord grants only when switched on for the application. */
export const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers |
  GatewayIntentBits.GuildPresences |
  GatewayIntentBits.MessageContent;

/** Every intent bit Discord defines; anything outside is refused with close code 4013. */
export const KNOWN_INTENTS = Object.values(GatewayIntentBits)
  .filter((value): value is number => typeof value === 'number')
  .reduce((all, bit) => all | bit, 0);

export type IntentProblem = 'invalid' | 'disallowed' | null;

export function checkIntents(intents: unknown, allowedPrivileged: number): IntentProblem {
  if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0) return 'invalid';
  if ((intents & ~KNOWN_INTENTS) !== 0) return 'invalid';
  if ((intents & PRIVILEGED_INTENTS & ~allowedPrivileged) !== 0) return 'disallowed';
  return null;
}
