import { routeTemplate } from './discord-metrics';

describe('routeTemplate', () => {
  it('keeps discord.js bucket routes as they are', () => {
    expect(routeTemplate('/channels/:id/messages')).toBe('/channels/:id/messages');
    expect(routeTemplate('/interactions/:id/:token/callback')).toBe(
      '/interactions/:id/:token/callback',
    );
    expect(routeTemplate('/applications/@me')).toBe('/applications/@me');
  });

  it('folds any id or query string that is left, so labels stay bounded', () => {
    expect(routeTemplate('/channels/1234567/messages?limit=5')).toBe('/channels/:id/messages');
    expect(routeTemplate('/guilds/12345/members/67890')).toBe('/guilds/:id/members/:id');
    expect(routeTemplate('/interactions/123456789/secret-token/callback')).toBe(
      '/interactions/:id/:token/callback',
    );
  });
});
