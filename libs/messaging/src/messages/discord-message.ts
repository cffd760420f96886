import type {
  AllowedMentionsTypes,
  APIEmbed,
  RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { ValidationFailedError } from '@botdeck/core';
import type { EmbedDto, MessageBodyDto } from './dto/message-body.dto';

/** A message as Discord takes it, without the per-send nonce; what a bulk operation stores. */
export type DiscordMessage = Pick<
  RESTPostAPIChannelMessageJSONBody,
  'content' | 'embeds' | 'allowed_mentions'
>;

/**
 * Discord's body for a validated message. Mentions default to none: an announcement never
 * pings anyone unless the request says so. A message with neither content nor an embed is
 * refused here, as Discord would (50006).
 */
export function toDiscordMessage(body: MessageBodyDto): DiscordMessage {
  if (!body.content && !body.embeds?.length) {
    throw new ValidationFailedError([
      { field: 'content', messages: ['give content or at least one embed'] },
    ]);
  }
  const mentions = body.allowedMentions;
  return {
    ...(body.content ? { content: body.content } : {}),
    ...(body.embeds?.length ? { embeds: body.embeds.map(toDiscordEmbed) } : {}),
    allowed_mentions: {
      // The same three strings as Discord's enum.
      parse: (mentions?.parse ?? []) as AllowedMentionsTypes[],
      ...(mentions?.users ? { users: mentions.users } : {}),
      ...(mentions?.roles ? { roles: mentions.roles } : {}),
    },
  };
}

function toDiscordEmbed(embed: EmbedDto): APIEmbed {
  return {
    title: embed.title,
    description: embed.description,
    url: embed.url,
    color: embed.color,
    timestamp: embed.timestamp,
    footer: embed.footer && { text: embed.footer.text, icon_url: embed.footer.iconUrl },
    author: embed.author && {
      name: embed.author.name,
      url: embed.author.url,
      icon_url: embed.author.iconUrl,
    },
    fields: embed.fields?.map(({ name, value, inline }) => ({ name, value, inline })),
    image: embed.image && { url: embed.image.url },
    thumbnail: embed.thumbnail && { url: embed.thumbnail.url },
  };
}

/** Whether the message may ping @everyone / @here, which only admins may ask for. */
export function pingsEveryone(body: MessageBodyDto): boolean {
  return body.allowedMentions?.parse?.includes('everyone') ?? false;
}

/**
 * Discord's `nonce` for one delivery: the delivery's UUID in base64url, 22 characters (Discord
 * takes at most 25). The same delivery always sends the same nonce, so with `enforce_nonce` a
 * resend after a crash or a lost answer returns the message already created.
 */
export function nonceFor(deliveryId: string): string {
  return Buffer.from(deliveryId.replace(/-/g, ''), 'hex').toString('base64url');
}

/** The body of one send: the message, its nonce, and Discord's deduplication on the nonce. */
export function withNonce(
  message: DiscordMessage,
  nonce: string,
): RESTPostAPIChannelMessageJSONBody {
  return { ...message, nonce, enforce_nonce: true };
}
