import { refuseScrape } from './metrics-token';

const TOKEN = 'a-metrics-token-of-some-length';

describe('refuseScrape', () => {
  it('lets the right bearer token through', () => {
    expect(refuseScrape(`Bearer ${TOKEN}`, TOKEN)).toBeNull();
    expect(refuseScrape(`bearer ${TOKEN}`, TOKEN)).toBeNull();
  });

  it.each([
    ['no header', undefined],
    ['another token', 'Bearer not-the-token'],
    ['a longer token', `Bearer ${TOKEN}x`],
    ['a prefix of it', `Bearer ${TOKEN.slice(0, 10)}`],
    ['another scheme', `Basic ${TOKEN}`],
    ['the token without a scheme', TOKEN],
  ])('answers 401 METRICS_TOKEN_INVALID for %s', (_, header) => {
    expect(refuseScrape(header, TOKEN)).toMatchObject({
      statusCode: 401,
      code: 'METRICS_TOKEN_INVALID',
    });
  });

  it('refuses every scrape with 403 METRICS_DISABLED while no token is configured', () => {
    for (const header of [undefined, 'Bearer ', `Bearer ${TOKEN}`]) {
      expect(refuseScrape(header, undefined)).toMatchObject({
        statusCode: 403,
        code: 'METRICS_DISABLED',
      });
    }
  });
});
