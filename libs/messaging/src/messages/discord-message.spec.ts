import { ValidationFailedError } from '@botdeck/core';
import { randomUUID } from 'node:crypto';
import { nonceFor, pingsEveryone, toDiscordMessage, withNonce } from './discord-message';

describe('discord messages', () => {
  it('derives one nonce per delivery, within Discord’s 25 characters', () => {
    const id = randomUUID();
    expect(nonceFor(id)).toBe(nonceFor(id));
    expect(nonceFor(id)).toHaveLength(22);
    expect(nonceFor(id)).not.toBe(nonceFor(randomUUID()));
    expect(withNonce({ content: 'x' }, nonceFor(id))).toEqual({
      content: 'x',
      nonce: nonceFor(id),
      enforce_nonce: true,
    });
  });

  it('pings nobody by default and keeps the mentions asked for', () => {
    expect(toDiscordMessage({ content: '@everyone hi' })).toEqual({
      content: '@everyone hi',
      allowed_mentions: { parse: [] },
    });
    expect(
      toDiscordMessage({ content: 'hi', allowedMentions: { roles: ['123456789012345678'] } })
        .allowed_mentions,
    ).toEqual({ parse: [], roles: ['123456789012345678'] });
    expect(pingsEveryone({ content: 'x', allowedMentions: { parse: ['everyone'] } })).toBe(true);
    expect(pingsEveryone({ content: '@everyone' })).toBe(false);
  });

  it('turns embeds into Discord’s shape and refuses an empty message', () => {
    const message = toDiscordMessage({
      embeds: [{ title: 'Restock', footer: { text: 'f', iconUrl: 'https://x.test/i.png' } }],
    });
    expect(message.embeds?.[0]).toMatchObject({
      title: 'Restock',
      footer: { text: 'f', icon_url: 'https://x.test/i.png' },
    });
    expect(() => toDiscordMessage({ content: '' })).toThrow(ValidationFailedError);
    expect(() => toDiscordMessage({ embeds: [] })).toThrow(ValidationFailedError);
  });
});
