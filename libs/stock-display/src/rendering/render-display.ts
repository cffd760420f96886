import type { APIEmbed } from 'discord-api-types/v10';
import { escapeMarkdown } from 'discord.js';
import { createHash } from 'node:crypto';
import type { DisplayLayout, DisplayProduct, RenderableDisplay } from './display-layout';
import { formatPrice } from './format-price';

/** Discord's message limits the renderer keeps to (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_MESSAGE_LIMITS = {
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fieldsPerEmbed: 25,
  fieldValue: 1024,
  footer: 2048,
  /** Characters across every embed of one message (titles, descriptions, fields, footers). */
  charsPerMessage: 6000,
} as const;

/**
 * One product line never exceeds this; only a product name long enough to break it is cut,
 * with an ellipsis (catalog names are far shorter, so in practice nothing is cut).
 */
export const MAX_LINE_LENGTH = 1024;
/** Room kept for the footer (`Stock display <uuid> · 12/12`) while packing lines. */
const FOOTER_RESERVE = 64;
const EMBED_COLOR = 0x2b8a3e;
export const EMPTY_DISPLAY_TEXT = 'No products to show right now.';

/** One Discord message of a display, with the hash that tells whether an edit is needed. */
export interface RenderedMessage {
  payload: {
    embeds: APIEmbed[];
    /** A display never pings anyone, whatever a product name holds. */
    allowed_mentions: { parse: [] };
  };
  hash: string;
}

/** The footer that marks a message as this display's part `index` (0-based). */
export function displayFooter(displayId: string, index: number, total: number): string {
  return `Stock display ${displayId} · ${index + 1}/${total}`;
}

/** Reads the display id and part index back from a footer written by `displayFooter`. */
export function parseDisplayFooter(
  text: string | undefined,
): { displayId: string; index: number } | null {
  const match = /^Stock display ([0-9a-f-]{36}) · (\d+)\/\d+$/.exec(text ?? '');
  return match ? { displayId: match[1], index: Number(match[2]) - 1 } : null;
}

function stockText(product: DisplayProduct, layout: DisplayLayout): string {
  const { stock, lowStockThreshold } = product;
  const low = stock !== null && stock > 0 && stock <= lowStockThreshold;
  const marker = layout.lowStockMarker && low ? ' ⚠️' : '';
  if (stock === 0) return 'sold out';
  if (layout.stockMode === 'levels') return (low ? 'low stock' : 'in stock') + marker;
  return (stock === null ? 'unlimited' : `${stock} left`) + marker;
}

/** `🍎 **Apple** — €1.99 · 12 left`: one line per product, in catalog order. */
export function productLine(product: DisplayProduct, layout: DisplayLayout): string {
  const prefix = product.emoji ? `${product.emoji} ` : '';
  const suffix =
    (layout.showPrices ? ` — ${formatPrice(product.priceMinor, product.currency)}` : '') +
    ` · ${stockText(product, layout)}`;
  // Escaping at most doubles a name; cut the raw name first so a huge one costs nothing.
  let name = escapeMarkdown(product.name.slice(0, MAX_LINE_LENGTH));
  const room = MAX_LINE_LENGTH - prefix.length - suffix.length - 4;
  if (name.length > room) name = `${name.slice(0, room - 1).replace(/\\$/, '')}…`;
  return `${prefix}**${name}**${suffix}`;
}

function clampTitle(title: string): string {
  const max = DISCORD_MESSAGE_LIMITS.title;
  return title.length <= max ? title : `${title.slice(0, max - 1)}…`;
}

interface Draft {
  embeds: { title?: string; lines: string[]; length: number }[];
  used: number;
}

/**
 * Renders a display as the ordered Discord messages that show it. Products become one line
 * each in embed descriptions (fields would cap a message at 25 × 10 products and cut names at
 * 256); lines are packed into embeds of at most 4 096 characters, ten embeds and 6 000
 * characters per message, and further messages as needed, so every product appears exactly
 * once and in order. Pure: the same input always gives the same messages and hashes.
 */
export function renderDisplay(
  display: RenderableDisplay,
  products: readonly DisplayProduct[],
): RenderedMessage[] {
  const limits = DISCORD_MESSAGE_LIMITS;
  const lines = products.map((product) => productLine(product, display));
  if (lines.length === 0) lines.push(EMPTY_DISPLAY_TEXT);

  const drafts: Draft[] = [];
  const startMessage = (): Draft => {
    const title = clampTitle(drafts.length === 0 ? display.title : `${display.title} (continued)`);
    const draft: Draft = {
      embeds: [{ title, lines: [], length: 0 }],
      used: title.length + FOOTER_RESERVE,
    };
    drafts.push(draft);
    return draft;
  };
  let message = startMessage();
  for (const line of lines) {
    let embed = message.embeds[message.embeds.length - 1];
    const joined = line.length + (embed.lines.length > 0 ? 1 : 0);
    if (
      embed.length + joined > limits.description ||
      message.used + joined > limits.charsPerMessage
    ) {
      if (
        message.embeds.length < limits.embedsPerMessage &&
        message.used + line.length <= limits.charsPerMessage
      ) {
        embed = { lines: [], length: 0 };
        message.embeds.push(embed);
      } else {
        message = startMessage();
        embed = message.embeds[0];
      }
    }
    const added = line.length + (embed.lines.length > 0 ? 1 : 0);
    embed.lines.push(line);
    embed.length += added;
    message.used += added;
  }

  return drafts.map((draft, index) => {
    const embeds: APIEmbed[] = draft.embeds.map((embed) => ({
      ...(embed.title === undefined ? {} : { title: embed.title }),
      description: embed.lines.join('\n'),
      color: EMBED_COLOR,
    }));
    embeds[embeds.length - 1].footer = { text: displayFooter(display.id, index, drafts.length) };
    const payload: RenderedMessage['payload'] = { embeds, allowed_mentions: { parse: [] } };
    return { payload, hash: hashPayload(payload) };
  });
}

export function hashPayload(payload: unknown): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 32);
}

/** The characters of a message's embeds that count towards Discord's 6 000. */
export function embedCharacters(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (sum, embed) =>
      sum +
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0) +
      (embed.fields ?? []).reduce((n, field) => n + field.name.length + field.value.length, 0),
    0,
  );
}
