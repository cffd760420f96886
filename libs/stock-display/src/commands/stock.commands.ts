import { CatalogQueries } from '@botdeck/catalog';
import { EphemeralReply } from '@botdeck/commands';
import { Injectable } from '@nestjs/common';
import { MessageFlags } from 'discord.js';
import { Context, Options, SlashCommand, StringOption, type SlashCommandContext } from 'necord';
import { productNotFoundReply, productReply, stockReply } from './stock-replies';

class StockOptions {
  @StringOption({
    name: 'category',
    description: 'Only this category',
    required: false,
    max_length: 100,
  })
  category?: string;
}

class ProductOptions {
  @StringOption({ name: 'sku', description: 'The product’s SKU', required: true, max_length: 100 })
  sku!: string;
}

/**
 * The shop's slash commands, served by every bot like the core ones. Answers are ephemeral (a
 * shopper's question clutters no channel) and read only visible products: a hidden product
 * never appears, not even by its SKU.
 */
@Injectable()
export class StockCommands {
  constructor(private readonly catalog: CatalogQueries) {}

  @SlashCommand({ name: 'stock', description: 'What is in stock right now' })
  @EphemeralReply()
  async stock(
    @Context() [interaction]: SlashCommandContext,
    @Options() { category }: StockOptions,
  ): Promise<void> {
    const wanted = category?.trim() || null;
    const products = await this.catalog.visibleProducts({
      categories: wanted ? [wanted] : undefined,
      includeSoldOut: false,
    });
    await interaction.reply({ ...stockReply(products, wanted), flags: MessageFlags.Ephemeral });
  }

  @SlashCommand({ name: 'product', description: 'One product’s details, by SKU' })
  @EphemeralReply()
  async product(
    @Context() [interaction]: SlashCommandContext,
    @Options() { sku }: ProductOptions,
  ): Promise<void> {
    const product = await this.catalog.visibleBySku(sku.trim());
    const reply = product ? productReply(product) : productNotFoundReply(sku);
    // The tracker turns this into an edit if it had to defer first (ephemerally, as declared).
    await interaction.reply({ ...reply, flags: MessageFlags.Ephemeral });
  }
}
