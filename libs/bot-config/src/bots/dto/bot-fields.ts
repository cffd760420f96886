import { GatewayIntentBits } from 'discord.js';

/** Gateway intent names a bot may ask for, as discord.js spells them (`Guilds`, `GuildMessages`, …). */
export const INTENT_NAMES = Object.keys(GatewayIntentBits).filter((key) =>
  Number.isNaN(Number(key)),
);

export const SNOWFLAKE = /^\d{17,20}$/;
export const TAG = /^[a-z0-9][a-z0-9_-]{0,31}$/;
/** Discord bot tokens are three dot-separated base64url parts; we only refuse obvious junk. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_\-.]{20,200}$/;
