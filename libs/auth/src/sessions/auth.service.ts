import { UnauthenticatedError } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import { authConfig, type AuthConfig } from '../auth.config';
import { UserDto } from '../users/dto/user.dto';
import { verifyAgainstDecoy, verifyPassword } from '../users/passwords';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AccessTokensService } from './access-tokens.service';
import type { TokenPairDto } from './dto/token-pair.dto';
import { IssuedRefreshToken, SessionsService } from './sessions.service';
import { AUTH_ERRORS } from '../auth.errors';

/** Sign-in, refresh and sign-out: the flows behind /auth. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly accessTokens: AccessTokensService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async login(email: string, password: string): Promise<TokenPairDto> {
    const user = await this.users.findByEmail(email);
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyAgainstDecoy(password);
    if (!user || !valid) {
      throw new UnauthenticatedError('Email or password is wrong', AUTH_ERRORS.INVALID_CREDENTIALS);
    }
    if (user.disabled)
      throw new UnauthenticatedError('This account is disabled', AUTH_ERRORS.USER_DISABLED);
    return this.pair(user, await this.sessions.start(user.id));
  }

  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const { user, issued } = await this.sessions.rotate(refreshToken);
    return this.pair(user, issued);
  }

  /** Revokes the login the token belongs to; returns its user id (null if unknown). */
  logout(refreshToken: string): Promise<string | null> {
    return this.sessions.revoke(refreshToken);
  }

  private async pair(user: User, issued: IssuedRefreshToken): Promise<TokenPairDto> {
    const accessToken = await this.accessTokens.sign({
      sub: user.id,
      email: user.email,
      role: user.role,
      sid: issued.familyId,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.accessTtlSeconds,
      refreshToken: issued.refreshToken,
      refreshTokenExpiresAt: issued.expiresAt.toISOString(),
      user: UserDto.from(user),
    };
  }
}
