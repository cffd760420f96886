import { GatewayCloseCodes, GatewayOpcodes } from 'discord-api-types/v10';

export const Op = GatewayOpcodes;
export const CloseCode = GatewayCloseCodes;

/** The one frame shape Discord uses for every gateway message. */
export interface GatewayFrame {
  op: GatewayOpcodes;
  d: unknown;
  s: number | null;
  t: string | null;
}

export function frame(op: number, d: unknown): string {
  return JSON.stringify({ op, d, s: null, t: null });
}

export const CLOSE_REASONS: Partial<Record<number, string>> = {
  [GatewayCloseCodes.UnknownError]: 'Unknown error.',
  [GatewayCloseCodes.UnknownOpcode]: 'Unknown opcode.',
  [GatewayCloseCodes.DecodeError]: 'Error while decoding payload.',
  [GatewayCloseCodes.NotAuthenticated]: 'Not authenticated.',
  [GatewayCloseCodes.AuthenticationFailed]: 'Authentication failed.',
  [GatewayCloseCodes.AlreadyAuthenticated]: 'Already authenticated.',
  [GatewayCloseCodes.InvalidSeq]: 'Invalid seq.',
  [GatewayCloseCodes.RateLimited]: 'Rate limited.',
  [GatewayCloseCodes.SessionTimedOut]: 'Session timed out.',
  [GatewayCloseCodes.InvalidShard]: 'Invalid shard.',
  [GatewayCloseCodes.ShardingRequired]: 'Sharding required.',
  [GatewayCloseCodes.InvalidAPIVersion]: 'Invalid API version.',
  [GatewayCloseCodes.InvalidIntents]: 'Invalid intent(s).',
  [GatewayCloseCodes.DisallowedIntents]: 'Disallowed intent(s).',
};
