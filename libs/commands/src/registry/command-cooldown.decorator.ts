import { SetMetadata } from '@nestjs/common';

export const COMMAND_COOLDOWN = 'botdeck:command-cooldown';

/**
 * Per-user cooldown of a slash-command handler, in ms (`COMMAND_COOLDOWNS` overrides it).
 * A user who runs the command again sooner gets an ephemeral "try again in N s".
 */
export const CommandCooldown = (ms: number) => SetMetadata(COMMAND_COOLDOWN, ms);
