import { DiscordError, DiscordErrors } from '../discord/discord-error';
import { apiChannel, apiMember } from '../discord/payloads';
import {
  ApiMessage,
  SandboxApplication,
  SandboxChannel,
  SandboxGuild,
  SandboxUser,
} from '../domain/entities';
import { channelPermissions } from '../permissions/permissions';
import { CallbackType, InitialResponse, InteractionRecord } from './interaction-record';

/** INTERACTION_CREATE as discord.js needs it (entitlements and owners included, or it crashes). */
export function interactionCreatePayload(
  record: InteractionRecord,
  app: SandboxApplication,
  guild: SandboxGuild,
  channel: SandboxChannel,
  user: SandboxUser,
  data: Record<string, unknown>,
  source: ApiMessage | undefined,
): Record<string, unknown> {
  return {
    id: record.id,
    application_id: app.id,
    type: record.type,
    token: record.token,
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, locale: 'en-US', features: [] },
    channel_id: channel.id,
    channel: apiChannel(channel),
    member: apiMember(guild, user, channelPermissions(guild, channel, user.id)),
    app_permissions: channelPermissions(guild, channel, app.botUserId).toString(),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
    data,
    ...(source ? { message: source } : {}),
  };
}

/** The initial response as the control API reports it. */
export function summarise(
  type: unknown,
  data: Record<string, unknown>,
  flags: number,
  latencyMs: number,
): InitialResponse {
  return {
    type: type as number,
    content: typeof data.content === 'string' ? data.content : null,
    embeds: Array.isArray(data.embeds) ? data.embeds : [],
    components:
      Array.isArray(data.components) && type !== CallbackType.Modal ? data.components : [],
    flags,
    ...(type === CallbackType.Modal ? { modal: data } : {}),
    at: new Date().toISOString(),
    latencyMs: Math.round(latencyMs * 1000) / 1000,
  };
}

export function invalidCallbackType(type: unknown): DiscordError {
  return DiscordErrors.invalidFormBody({
    type: {
      _errors: [
        {
          code: 'INTERACTION_CALLBACK_TYPE_INVALID',
          message: `Interaction callback type ${String(type)} is not valid for this interaction.`,
        },
      ],
    },
  });
}
