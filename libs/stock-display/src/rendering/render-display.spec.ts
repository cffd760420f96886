import type { DisplayLayout, DisplayProduct } from './display-layout';
import { formatPrice } from './format-price';
import {
  DISCORD_MESSAGE_LIMITS as LIMITS,
  EMPTY_DISPLAY_TEXT,
  embedCharacters,
  MAX_LINE_LENGTH,
  parseDisplayFooter,
  productLine,
  renderDisplay,
} from './render-display';

const DISPLAY_ID = '0b4c6a8e-1d2f-4a3b-9c5d-7e6f8a9b0c1d';
const LAYOUT: DisplayLayout = { stockMode: 'exact', showPrices: true, lowStockMarker: true };

function product(index: number, overrides: Partial<DisplayProduct> = {}): DisplayProduct {
  return {
    id: `p${index}`,
    sku: `SKU-${index}`,
    name: `Product ${String(index).padStart(5, '0')}`,
    category: null,
    priceMinor: 1999,
    currency: 'EUR',
    stock: 10,
    lowStockThreshold: 3,
    emoji: null,
    ...overrides,
  };
}

function render(products: DisplayProduct[], layout = LAYOUT, title = 'Live stock') {
  return renderDisplay({ id: DISPLAY_ID, title, ...layout }, products);
}

/** Every line of every message, in order. */
function allLines(messages: ReturnType<typeof render>): string[] {
  return messages.flatMap((m) => m.payload.embeds.flatMap((e) => e.description!.split('\n')));
}

function expectWithinLimits(messages: ReturnType<typeof render>): void {
  for (const { payload } of messages) {
    expect(payload.embeds.length).toBeGreaterThanOrEqual(1);
    expect(payload.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    expect(embedCharacters(payload.embeds)).toBeLessThanOrEqual(LIMITS.charsPerMessage);
    for (const embed of payload.embeds) {
      expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.description);
      expect((embed.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
      expect((embed.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fieldsPerEmbed);
      expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.footer);
    }
  }
}

describe('formatPrice', () => {
  it('formats minor units with the currency’s own minor digits', () => {
    expect(formatPrice(1999, 'EUR')).toBe('€19.99');
    expect(formatPrice(500, 'JPY')).toBe('¥500');
    expect(formatPrice(1234, 'KWD')).toMatch(/^KWD\s1\.234$/);
    expect(formatPrice(5, 'USD')).toBe('$0.05');
    expect(formatPrice(123456789, 'USD')).toBe('$1,234,567.89');
  });
});

describe('productLine', () => {
  it('shows exact counts, unlimited, sold out and the low-stock marker', () => {
    expect(productLine(product(1, { emoji: '🍎', name: 'Apple' }), LAYOUT)).toBe(
      '🍎 **Apple** — €19.99 · 10 left',
    );
    expect(productLine(product(1, { name: 'A', stock: null }), LAYOUT)).toBe(
      '**A** — €19.99 · unlimited',
    );
    expect(productLine(product(1, { name: 'A', stock: 0 }), LAYOUT)).toBe(
      '**A** — €19.99 · sold out',
    );
    expect(productLine(product(1, { name: 'A', stock: 3 }), LAYOUT)).toBe(
      '**A** — €19.99 · 3 left ⚠️',
    );
  });

  it('shows only levels, and leaves prices and the marker out when asked', () => {
    const levels: DisplayLayout = { stockMode: 'levels', showPrices: false, lowStockMarker: false };
    expect(productLine(product(1, { name: 'A', stock: 40 }), levels)).toBe('**A** · in stock');
    expect(productLine(product(1, { name: 'A', stock: 2 }), levels)).toBe('**A** · low stock');
    expect(productLine(product(1, { name: 'A', stock: 0 }), levels)).toBe('**A** · sold out');
    expect(productLine(product(1, { name: 'A', stock: null }), levels)).toBe('**A** · in stock');
  });

  it('escapes markdown in names so a name cannot restyle the message', () => {
    expect(productLine(product(1, { name: '*bold* _x_' }), LAYOUT)).toContain(
      '**\\*bold\\* \\_x\\_**',
    );
  });

  it('cuts only a name too long for one line, with an ellipsis', () => {
    const line = productLine(product(1, { name: 'x'.repeat(5_000) }), LAYOUT);
    expect(line.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    expect(line).toMatch(/x…\*\* — €19\.99 · 10 left$/);
  });
});

describe('renderDisplay', () => {
  it('renders a small catalog as one message with a title and a marker footer', () => {
    const messages = render([product(1), product(2)]);
    expect(messages).toHaveLength(1);
    const [embed] = messages[0].payload.embeds;
    expect(embed.title).toBe('Live stock');
    expect(embed.description).toBe(
      '**Product 00001** — €19.99 · 10 left\n**Product 00002** — €19.99 · 10 left',
    );
    expect(parseDisplayFooter(embed.footer?.text)).toEqual({ displayId: DISPLAY_ID, index: 0 });
    expect(messages[0].payload.allowed_mentions).toEqual({ parse: [] });
  });

  it('says so when nothing is to be shown', () => {
    const messages = render([]);
    expect(messages).toHaveLength(1);
    expect(messages[0].payload.embeds[0].description).toBe(EMPTY_DISPLAY_TEXT);
  });

  it('spreads a large catalog over several messages in order, within every limit, dropping nothing', () => {
    const products = Array.from({ length: 2_000 }, (_, i) => product(i, { emoji: '📦' }));
    const messages = render(products);
    expect(messages.length).toBeGreaterThan(5);
    expectWithinLimits(messages);
    expect(allLines(messages)).toEqual(products.map((p) => productLine(p, LAYOUT)));
    messages.forEach((message, index) => {
      const embeds = message.payload.embeds;
      expect(parseDisplayFooter(embeds[embeds.length - 1].footer?.text)).toEqual({
        displayId: DISPLAY_ID,
        index,
      });
      expect(embeds[0].title).toBe(index === 0 ? 'Live stock' : 'Live stock (continued)');
    });
  });

  it('keeps within limits with the longest names and title', () => {
    const products = Array.from({ length: 300 }, (_, i) =>
      product(i, { name: `${i}`.padEnd(5_000, '*') }),
    );
    const messages = render(products, LAYOUT, 't'.repeat(1_000));
    expectWithinLimits(messages);
    expect(allLines(messages)).toHaveLength(300);
    expect(messages[0].payload.embeds[0].title).toHaveLength(LIMITS.title);
  });

  it('uses up to ten embeds in one message before starting another', () => {
    const short = Array.from({ length: 500 }, (_, i) => product(i, { name: `${i}` }));
    const messages = render(short, {
      stockMode: 'levels',
      showPrices: false,
      lowStockMarker: false,
    });
    expectWithinLimits(messages);
    // Lines of ~20 characters: a message is bounded by its 6 000 characters, not one embed.
    expect(embedCharacters(messages[0].payload.embeds)).toBeGreaterThan(5_500);
  });

  it('gives the same hash for the same content and another when anything shown changes', () => {
    const a = render([product(1), product(2)]);
    expect(render([product(1), product(2)])[0].hash).toBe(a[0].hash);
    expect(render([product(1), product(2, { stock: 9 })])[0].hash).not.toBe(a[0].hash);
    expect(render([product(1)])[0].hash).not.toBe(a[0].hash);
  });
});
