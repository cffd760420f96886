/** The sandbox's world, kept in memory. Ids are snowflake strings, as on Discord. */

import type { KeyObject } from 'node:crypto';

export interface SandboxUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

export interface SandboxApplication {
  id: string;
  name: string;
  botUserId: string;
  token: string;
  /** Privileged intents (GuildMembers, GuildPresences, MessageContent) this bot may ask for. */
  privilegedIntents: number;
  /** Signs interactions POSTed to the endpoint URL; `verifyKey` is its public half (hex). */
  signingKey: KeyObject;
  verifyKey: string;
  /** Set: interactions go to this URL over HTTP instead of the gateway, as on Discord. */
  interactionsEndpointUrl: string | null;
}

export interface SandboxGuild {
  id: string;
  name: string;
  ownerId: string;
  channelIds: string[];
  /** user id → ISO time the user joined */
  members: Map<string, string>;
  /** What @everyone (the role whose id is the guild's) may do. */
  everyonePermissions: bigint;
  /** Roles other than @everyone, by id. */
  roles: Map<string, SandboxRole>;
  /** user id → the ids of the roles the member holds (besides @everyone). */
  memberRoles: Map<string, Set<string>>;
}

export interface SandboxRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
}

/** A channel permission overwrite for a role (type 0) or a member (type 1). */
export interface PermissionOverwrite {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

export interface SandboxChannel {
  id: string;
  guildId: string;
  name: string;
  type: 0;
  position: number;
  lastMessageId: string | null;
  /** Permission overwrites by role or member id, as Discord keeps them per channel. */
  overwrites: Map<string, PermissionOverwrite>;
}

/** A message as Discord would return it; stored in its wire shape so reads are cheap. */
export interface ApiMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: ApiUser;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: ApiUser[];
  mention_roles: string[];
  attachments: unknown[];
  embeds: Record<string, unknown>[];
  components: unknown[];
  pinned: boolean;
  type: number;
  flags: number;
  nonce?: string | number;
  webhook_id?: string;
  application_id?: string;
  interaction_metadata?: Record<string, unknown>;
  message_reference?: Record<string, unknown>;
}

export interface ApiUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export interface ApiCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  name: string;
  description: string;
  type: number;
  options?: unknown[];
  default_member_permissions: string | null;
  dm_permission?: boolean;
  nsfw: boolean;
  contexts?: number[] | null;
  integration_types?: number[];
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  version: string;
}
