import type { Product } from '@botdeck/catalog';
import { DISCORD_MESSAGE_LIMITS } from '../rendering/render-display';
import { productNotFoundReply, productReply, stockReply } from './stock-replies';

function product(index: number, overrides: Partial<Product> = {}): Product {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    sku: `SKU-${index}`,
    name: `Product number ${index} with a fairly long descriptive name`,
    description: null,
    category: 'fruit',
    priceMinor: 199,
    currency: 'EUR',
    stock: 12,
    lowStockThreshold: 3,
    visible: true,
    sortOrder: index,
    emoji: null,
    alertChannelId: null,
    alertRoleId: null,
    version: 1,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

describe('stockReply', () => {
  it('lists every product when they fit', () => {
    const reply = stockReply([product(1), product(2, { stock: 2 })], null);
    const description = reply.embeds![0].description!;
    expect(description.split('\n')).toHaveLength(2);
    expect(description).toContain('€1.99 · 12 left');
    expect(description).toContain('2 left ⚠️');
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });

  it('trims a long list to the embed limit and says how many more there are', () => {
    const products = Array.from({ length: 500 }, (_, i) => product(i));
    const reply = stockReply(products, 'fruit');
    const embed = reply.embeds![0];
    expect(embed.description!.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMITS.description);
    const lines = embed.description!.split('\n');
    const more = /^…and (\d+) more$/.exec(lines[lines.length - 1]);
    expect(more).not.toBeNull();
    expect(lines.length - 1 + Number(more![1])).toBe(500);
    expect(embed.title).toBe('In stock: fruit');
  });

  it('says so when nothing is in stock', () => {
    expect(stockReply([], 'veg').content).toBe('Nothing is in stock in **veg** right now.');
  });
});

describe('productReply', () => {
  it('shows the sku, price, stock and category of one product', () => {
    const reply = productReply(product(7, { stock: null, emoji: '🍎', description: 'Crisp' }));
    const [embed] = reply.embeds!;
    expect(embed.title).toContain('🍎 Product number 7');
    expect(embed.description).toBe('Crisp');
    expect(embed.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'SKU', value: '`SKU-7`' }),
        expect.objectContaining({ name: 'Stock', value: 'unlimited' }),
        expect.objectContaining({ name: 'Category', value: 'fruit' }),
      ]),
    );
  });

  it('answers an unknown sku plainly, without letting markdown through', () => {
    expect(productNotFoundReply('a`b').content).toBe("No product with SKU `a'b` is on sale.");
  });
});
