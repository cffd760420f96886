import { EVERYONE_PERMISSIONS } from '../permissions/permissions';
import {
  ApiCommand,
  ApiMessage,
  SandboxApplication,
  SandboxChannel,
  SandboxGuild,
  SandboxRole,
  SandboxUser,
} from './entities';
import { signingKeysFor } from './signing-keys';
import { SnowflakeGenerator } from './snowflake';
import { mintBotToken } from './tokens';

/** GuildMembers | GuildPresences | MessageContent: granted unless a bot is created without. */
export const ALL_PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

export interface CreateBotInput {
  username: string;
  /** Fixed ids and token (from a seed file) so a standalone sandbox keeps stable credentials. */
  token?: string;
  applicationId?: string;
  userId?: string;
  privilegedIntents?: number;
}

export interface CommandInput {
  name: string;
  description?: string;
  type?: number;
  options?: unknown[];
  default_member_permissions?: string | null;
  dm_permission?: boolean;
  nsfw?: boolean;
  contexts?: number[] | null;
  integration_types?: number[];
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
}

/** Messages kept per channel; older ones fall off so a long benchmark stays bounded. */
const MAX_MESSAGES_PER_CHANNEL = 5000;

/**
 * All sandbox state, in memory. It knows nothing about HTTP or the gateway: services decide
 * what to announce when something here changes.
 */
export class SandboxStore {
  readonly ids = new SnowflakeGenerator();
  readonly users = new Map<string, SandboxUser>();
  readonly applications = new Map<string, SandboxApplication>();
  readonly guilds = new Map<string, SandboxGuild>();
  readonly channels = new Map<string, SandboxChannel>();
  private readonly appsByToken = new Map<string, SandboxApplication>();
  private readonly appsByBotUser = new Map<string, SandboxApplication>();
  private readonly channelMessages = new Map<string, ApiMessage[]>();
  private readonly messages = new Map<string, ApiMessage>();
  /** key: `${applicationId}:${guildId ?? 'global'}` → commands by name */
  private readonly commands = new Map<string, Map<string, ApiCommand>>();

  clear(): void {
    for (const map of [
      this.users,
      this.applications,
      this.guilds,
      this.channels,
      this.appsByToken,
      this.appsByBotUser,
      this.channelMessages,
      this.messages,
      this.commands,
    ]) {
      map.clear();
    }
  }

  // ---- bots and users ----

  createBot(input: CreateBotInput): SandboxApplication {
    const userId = input.userId ?? this.ids.next();
    const token = input.token ?? mintBotToken(userId);
    const keys = signingKeysFor(token);
    const app: SandboxApplication = {
      id: input.applicationId ?? userId,
      name: input.username,
      botUserId: userId,
      token,
      privilegedIntents: input.privilegedIntents ?? ALL_PRIVILEGED_INTENTS,
      signingKey: keys.privateKey,
      verifyKey: keys.verifyKey,
      interactionsEndpointUrl: null,
    };
    this.users.set(userId, { id: userId, username: input.username, globalName: null, bot: true });
    this.applications.set(app.id, app);
    this.appsByToken.set(app.token, app);
    this.appsByBotUser.set(userId, app);
    return app;
  }

  appByToken(token: string): SandboxApplication | undefined {
    return this.appsByToken.get(token);
  }

  appByBotUser(userId: string): SandboxApplication | undefined {
    return this.appsByBotUser.get(userId);
  }

  /** A human user played through the control API; created on first sight, renamed if needed. */
  upsertUser(id: string, username: string): SandboxUser {
    const existing = this.users.get(id);
    if (existing) {
      existing.username = username;
      return existing;
    }
    const user: SandboxUser = { id, username, globalName: null, bot: false };
    this.users.set(id, user);
    return user;
  }

  // ---- guilds and channels ----

  createGuild(name: string, id: string = this.ids.next(), ownerId = '0'): SandboxGuild {
    const guild: SandboxGuild = {
      id,
      name,
      ownerId,
      channelIds: [],
      members: new Map(),
      everyonePermissions: EVERYONE_PERMISSIONS,
      roles: new Map(),
      memberRoles: new Map(),
    };
    this.guilds.set(id, guild);
    return guild;
  }

  createChannel(guildId: string, name: string, id: string = this.ids.next()): SandboxChannel {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`Unknown guild ${guildId}`);
    const channel: SandboxChannel = {
      id,
      guildId,
      name,
      type: 0,
      position: guild.channelIds.length,
      lastMessageId: null,
      overwrites: new Map(),
    };
    guild.channelIds.push(id);
    this.channels.set(id, channel);
    this.channelMessages.set(id, []);
    return channel;
  }

  addMember(guildId: string, userId: string): boolean {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`Unknown guild ${guildId}`);
    if (guild.members.has(userId)) return false;
    guild.members.set(userId, new Date().toISOString());
    return true;
  }

  createRole(guildId: string, name: string, permissions = 0n): SandboxRole {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`Unknown guild ${guildId}`);
    const role: SandboxRole = {
      id: this.ids.next(),
      name,
      permissions,
      position: guild.roles.size + 1,
    };
    guild.roles.set(role.id, role);
    return role;
  }

  isMember(guildId: string, userId: string): boolean {
    return this.guilds.get(guildId)?.members.has(userId) ?? false;
  }

  guildsOf(userId: string): SandboxGuild[] {
    return [...this.guilds.values()].filter((guild) => guild.members.has(userId));
  }

  // ---- messages ----

  message(id: string): ApiMessage | undefined {
    return this.messages.get(id);
  }

  /** Channel messages, oldest first. */
  messagesIn(channelId: string): readonly ApiMessage[] {
    return this.channelMessages.get(channelId) ?? [];
  }

  /** Stores a message; ephemeral ones are kept by id only, never in the channel's history. */
  saveMessage(message: ApiMessage, options: { inChannel: boolean }): void {
    this.messages.set(message.id, message);
    if (!options.inChannel) return;
    const list = this.channelMessages.get(message.channel_id);
    if (!list) return;
    list.push(message);
    if (list.length > MAX_MESSAGES_PER_CHANNEL) {
      const dropped = list.shift();
      if (dropped) this.messages.delete(dropped.id);
    }
    const channel = this.channels.get(message.channel_id);
    if (channel) channel.lastMessageId = message.id;
  }

  deleteMessage(id: string): ApiMessage | undefined {
    const message = this.messages.get(id);
    if (!message) return undefined;
    this.messages.delete(id);
    const list = this.channelMessages.get(message.channel_id);
    const index = list?.findIndex((m) => m.id === id) ?? -1;
    if (list && index >= 0) list.splice(index, 1);
    return message;
  }

  // ---- application commands ----

  commandsOf(applicationId: string, guildId?: string): ApiCommand[] {
    return [...(this.commands.get(commandKey(applicationId, guildId))?.values() ?? [])];
  }

  /** Looks a command up as a user's client would: the guild's own first, then global. */
  findCommand(applicationId: string, guildId: string, name: string): ApiCommand | undefined {
    return (
      this.commands.get(commandKey(applicationId, guildId))?.get(name) ??
      this.commands.get(commandKey(applicationId))?.get(name)
    );
  }

  /** Bulk overwrite; a command keeps its id when its name survives, as on Discord. */
  overwriteCommands(
    applicationId: string,
    guildId: string | undefined,
    inputs: CommandInput[],
  ): ApiCommand[] {
    const key = commandKey(applicationId, guildId);
    const previous = this.commands.get(key) ?? new Map<string, ApiCommand>();
    const next = new Map<string, ApiCommand>();
    for (const input of inputs) {
      next.set(
        input.name,
        this.buildCommand(applicationId, guildId, input, previous.get(input.name)?.id),
      );
    }
    this.commands.set(key, next);
    return [...next.values()];
  }

  upsertCommand(
    applicationId: string,
    guildId: string | undefined,
    input: CommandInput,
  ): ApiCommand {
    const key = commandKey(applicationId, guildId);
    const map = this.commands.get(key) ?? new Map<string, ApiCommand>();
    const command = this.buildCommand(applicationId, guildId, input, map.get(input.name)?.id);
    map.set(input.name, command);
    this.commands.set(key, map);
    return command;
  }

  deleteCommand(applicationId: string, guildId: string | undefined, commandId: string): boolean {
    const map = this.commands.get(commandKey(applicationId, guildId));
    for (const [name, command] of map ?? []) {
      if (command.id === commandId) return map!.delete(name);
    }
    return false;
  }

  private buildCommand(
    applicationId: string,
    guildId: string | undefined,
    input: CommandInput,
    id: string = this.ids.next(),
  ): ApiCommand {
    return {
      id,
      application_id: applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      name: input.name,
      description: input.description ?? '',
      type: input.type ?? 1,
      options: input.options ?? [],
      default_member_permissions: input.default_member_permissions ?? null,
      dm_permission: input.dm_permission ?? true,
      nsfw: input.nsfw ?? false,
      contexts: input.contexts ?? null,
      integration_types: input.integration_types ?? [0],
      name_localizations: input.name_localizations ?? null,
      description_localizations: input.description_localizations ?? null,
      version: this.ids.next(),
    };
  }
}

function commandKey(applicationId: string, guildId?: string): string {
  return `${applicationId}:${guildId ?? 'global'}`;
}
