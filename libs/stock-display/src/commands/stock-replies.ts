import type { Product } from '@botdeck/catalog';
import type { APIEmbed } from 'discord-api-types/v10';
import { escapeMarkdown } from 'discord.js';
import type { DisplayLayout } from '../rendering/display-layout';
import { formatPrice } from '../rendering/format-price';
import { DISCORD_MESSAGE_LIMITS, productLine } from '../rendering/render-display';

/** How `/stock` shows each product: the exact count, its price and the low-stock marker. */
const STOCK_LAYOUT: DisplayLayout = { stockMode: 'exact', showPrices: true, lowStockMarker: true };
const EMBED_COLOR = 0x2b8a3e;

/** A command's answer: one embed (or plain content), never pinging anyone. */
export interface CommandReply {
  content?: string;
  embeds?: APIEmbed[];
  allowedMentions: { parse: [] };
}

const quiet = { parse: [] as [] };

/**
 * `/stock`: the visible products in stock as one embed. A list longer than an embed's
 * description holds ends with "…and N more", so the reply always fits Discord's limits.
 */
export function stockReply(products: readonly Product[], category: string | null): CommandReply {
  const title = category ? `In stock: ${escapeMarkdown(category).slice(0, 200)}` : 'In stock';
  if (products.length === 0) {
    const where = category ? ` in **${escapeMarkdown(category).slice(0, 200)}**` : '';
    return { content: `Nothing is in stock${where} right now.`, allowedMentions: quiet };
  }
  const max = DISCORD_MESSAGE_LIMITS.description;
  const lines: string[] = [];
  let length = 0;
  for (const [index, product] of products.entries()) {
    const line = productLine(product, STOCK_LAYOUT);
    const rest = products.length - index - 1;
    // Room for this line and, if anything follows, the "…and N more" line after it.
    const tail = rest > 0 ? moreLine(rest).length + 1 : 0;
    if (length + line.length + 1 + tail > max) {
      lines.push(moreLine(products.length - index));
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return {
    embeds: [{ title, description: lines.join('\n'), color: EMBED_COLOR }],
    allowedMentions: quiet,
  };
}

function moreLine(count: number): string {
  return `…and ${count} more`;
}

/** `/product`: one product's details. */
export function productReply(product: Product): CommandReply {
  const stock =
    product.stock === null
      ? 'unlimited'
      : product.stock === 0
        ? 'sold out'
        : `${product.stock} left${product.stock <= product.lowStockThreshold ? ' ⚠️ low' : ''}`;
  const fields = [
    { name: 'SKU', value: `\`${product.sku.replace(/`/g, "'")}\``, inline: true },
    { name: 'Price', value: formatPrice(product.priceMinor, product.currency), inline: true },
    { name: 'Stock', value: stock, inline: true },
    ...(product.category
      ? [{ name: 'Category', value: escapeMarkdown(product.category).slice(0, 1024), inline: true }]
      : []),
  ];
  const name = `${product.emoji ? `${product.emoji} ` : ''}${product.name}`;
  return {
    embeds: [
      {
        title: name.length > DISCORD_MESSAGE_LIMITS.title ? `${name.slice(0, 255)}…` : name,
        ...(product.description
          ? { description: product.description.slice(0, DISCORD_MESSAGE_LIMITS.description) }
          : {}),
        fields,
        color: EMBED_COLOR,
      },
    ],
    allowedMentions: quiet,
  };
}

export function productNotFoundReply(sku: string): CommandReply {
  // Inside a code span only a backtick could break out.
  const shown = sku.slice(0, 100).replace(/`/g, "'");
  return { content: `No product with SKU \`${shown}\` is on sale.`, allowedMentions: quiet };
}
