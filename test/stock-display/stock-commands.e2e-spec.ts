import { ProductEntity, type Product } from '@botdeck/catalog';
import { CommandsPlugin, CommandsWorkerModule } from '@botdeck/commands';
import { CoreModule, DatabaseModule } from '@botdeck/core';
import { StockDisplayWorkerModule } from '@botdeck/stock-display';
import { Test, TestingModule } from '@nestjs/testing';
import { MessageFlags } from 'discord.js';
import { DataSource } from 'typeorm';
import { SandboxBot, startSandboxBot } from '../commands/support/commands-world';
import { setEnv } from '../support/env';
import { eventually } from '../support/eventually';
import { isolatedDatabase } from '../support/isolated-database';

jest.setTimeout(30_000);

let seq = 0;
function productRow(overrides: Partial<Product>): Partial<Product> {
  seq += 1;
  return {
    sku: `CMD-${seq}`,
    name: `Product ${seq}`,
    description: null,
    category: 'fruit',
    priceMinor: 250,
    currency: 'EUR',
    stock: 10,
    lowStockThreshold: 2,
    visible: true,
    sortOrder: seq,
    emoji: null,
    alertChannelId: null,
    alertRoleId: null,
    version: 1,
    ...overrides,
  };
}

/** The description of the first embed of a played command's answer. */
function descriptionOf(played: { response: { embeds: unknown[] } | null }): string {
  return String((played.response?.embeds[0] as { description?: string } | undefined)?.description);
}

describe('/stock and /product, served by every bot and tracked', () => {
  let worker: TestingModule;
  let dataSource: DataSource;
  let bot: SandboxBot;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let restoreEnv: () => void;

  beforeAll(async () => {
    // A catalog of its own: `/stock` lists every visible product, and the run's shared
    // database holds the products of every other test file.
    database = await isolatedDatabase();
    restoreEnv = setEnv({ DATABASE_URL: database.url });
    // The worker's own module wiring: the handlers must be found next to CommandsWorkerModule.
    worker = await Test.createTestingModule({
      imports: [
        CoreModule,
        DatabaseModule.forRoot(),
        CommandsWorkerModule,
        StockDisplayWorkerModule,
      ],
    }).compile();
    worker.useLogger(false);
    await worker.init();
    dataSource = worker.get(DataSource);
    const products = dataSource.getRepository(ProductEntity);
    await products.save([
      productRow({ sku: 'APPLE-1', name: 'Apple', emoji: '🍎', sortOrder: 1 }),
      productRow({ sku: 'PEAR-1', name: 'Pear', stock: 1, sortOrder: 2 }),
      productRow({ sku: 'PLUM-0', name: 'Plum', stock: 0, sortOrder: 3 }),
      productRow({ sku: 'SECRET-1', name: 'Secret melon', visible: false, sortOrder: 4 }),
      productRow({ sku: 'KALE-1', name: 'Kale', category: 'veg', stock: null, sortOrder: 5 }),
    ]);
    bot = await startSandboxBot(worker.get(CommandsPlugin));
  });

  afterAll(async () => {
    await bot?.close();
    await worker?.close();
    restoreEnv?.();
    await database?.drop();
  });

  it('registers both commands with the bot’s application', async () => {
    const { global } = await bot.sandbox.control.commands(bot.created.applicationId);
    const names = global.map((command) => command.name);
    expect(names).toEqual(expect.arrayContaining(['stock', 'product']));
    const stock = global.find((command) => command.name === 'stock')!;
    expect(stock.options).toEqual([
      expect.objectContaining({ name: 'category', type: 3, required: false }),
    ]);
  });

  it('/stock answers ephemerally with the visible products in stock, in catalog order', async () => {
    const played = await bot.play('stock');
    expect(played.response!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const description = descriptionOf(played);
    expect(description.split('\n')).toEqual([
      '🍎 **Apple** — €2.50 · 10 left',
      '**Pear** — €2.50 · 1 left ⚠️',
      '**Kale** — €2.50 · unlimited',
    ]);
    expect(description).not.toContain('Secret');
    expect(description).not.toContain('Plum');
    // Nothing went into the channel's history.
    expect(await bot.sandbox.control.channelMessages(bot.channelId)).toHaveLength(0);
  });

  it('/stock category: filters by category, ignoring case', async () => {
    const played = await bot.play('stock', { category: 'VEG' });
    expect(descriptionOf(played)).toBe('**Kale** — €2.50 · unlimited');
    const none = await bot.play('stock', { category: 'toys' });
    expect(none.response!.content).toBe('Nothing is in stock in **toys** right now.');
  });

  it('/product sku: shows one product; unknown and hidden ones are "not found"', async () => {
    const found = await bot.play('product', { sku: 'apple-1' });
    expect(found.response!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(found.response!.embeds[0]).toMatchObject({ title: '🍎 Apple' });
    for (const sku of ['SECRET-1', 'NOPE-9']) {
      const missing = await bot.play('product', { sku });
      expect(missing.response!.content).toBe(`No product with SKU \`${sku}\` is on sale.`);
      expect(missing.response!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    }
  });

  it('logs every run like any other command', async () => {
    const played = await bot.play('product', { sku: 'PEAR-1' });
    const [row] = await eventually('the command log row', async () => {
      const rows = await dataSource.query<{ command: string; status: string }[]>(
        'SELECT command, status FROM command_logs WHERE interaction_id = $1',
        [played.interactionId],
      );
      if (rows[0]?.status !== 'success') throw new Error(`not logged yet: ${JSON.stringify(rows)}`);
      return rows;
    });
    expect(row).toEqual({ command: 'product', status: 'success' });
  });
});
