import {
  Actor,
  ApiErrorResponses,
  Audited,
  noteAudit,
  Public,
  requestState,
  type RequestActor,
  Roles,
  UnauthenticatedError,
} from '@botdeck/core';
import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { TokenPairDto } from './dto/token-pair.dto';
import { LoginThrottleGuard } from './login-throttle.guard';
import { AUTH_ERRORS } from '../auth.errors';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottleGuard)
  @Audited('auth.login', 'user')
  @ApiOkResponse({ type: TokenPairDto, description: 'Signed in' })
  @ApiErrorResponses(400, 401, 429)
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokenPairDto> {
    const pair = await this.auth.login(body.email, body.password);
    this.signedIn(request, pair);
    return pair;
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @Audited('auth.refresh', 'user')
  @ApiOkResponse({
    type: TokenPairDto,
    description: 'A new pair; the presented refresh token is used up',
  })
  @ApiErrorResponses(400, 401)
  async refresh(
    @Body() body: RefreshTokenDto,
    @Req() request: FastifyRequest,
  ): Promise<TokenPairDto> {
    const pair = await this.auth.refresh(body.refreshToken);
    this.signedIn(request, pair);
    return pair;
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @Audited('auth.logout', 'user')
  @ApiNoContentResponse({
    description: 'The login this refresh token belongs to is revoked (idempotent)',
  })
  @ApiErrorResponses(400)
  async logout(@Body() body: RefreshTokenDto, @Req() request: FastifyRequest): Promise<void> {
    const userId = await this.auth.logout(body.refreshToken);
    if (userId) noteAudit(request, { resourceId: userId });
  }

  @Get('me')
  @Roles('viewer')
  @ApiOkResponse({ type: UserDto, description: 'The signed-in user' })
  async me(@Actor() actor: RequestActor | undefined): Promise<UserDto> {
    const user = actor ? await this.users.findById(actor.id) : null;
    if (!user)
      throw new UnauthenticatedError('This account no longer exists', AUTH_ERRORS.USER_NOT_FOUND);
    return UserDto.from(user);
  }

  /**
   * The user who just signed in is the actor of the audit entry. The note's `after` is set
   * explicitly so the response body, which holds the tokens, is never the recorded state.
   */
  private signedIn(request: FastifyRequest, pair: TokenPairDto): void {
    const { id, email, role } = pair.user;
    requestState(request).actor = { id, email, role };
    noteAudit(request, { resourceId: id, after: { email } });
  }
}
