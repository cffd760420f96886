import { AppError } from '@botdeck/core';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AccessTokensService, JWT_AUDIENCE, JWT_ISSUER } from './access-tokens.service';

describe('AccessTokensService', () => {
  const jwt = new JwtService({
    secret: 'a-secret-of-the-tokens-spec-0123456789',
    signOptions: { algorithm: 'HS256', expiresIn: 60, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
    verifyOptions: { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
  });
  const claims = { sub: randomUUID(), sid: randomUUID(), email: 'a@botdeck.local', role: 'admin' };
  afterEach(() => jest.useRealTimers());

  it('checks a token’s signature once, and answers its next checks from memory', async () => {
    const tokens = new AccessTokensService(jwt);
    const verify = jest.spyOn(jwt, 'verifyAsync');
    const token = await tokens.sign(claims);
    expect(await tokens.verify(token)).toEqual(claims);
    expect(await tokens.verify(token)).toEqual(claims);
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockRestore();
  });

  it('refuses a remembered token once its exp has passed', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    const tokens = new AccessTokensService(jwt);
    const token = await tokens.sign(claims);
    await tokens.verify(token);
    jest.setSystemTime(Date.now() + 61_000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('never remembers a token that did not verify', async () => {
    const tokens = new AccessTokensService(jwt);
    const token = await tokens.sign(claims);
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (let i = 0; i < 2; i += 1) {
      const error: unknown = await tokens.verify(forged).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'TOKEN_INVALID' });
    }
  });
});
