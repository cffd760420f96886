import { createSecretKey } from 'node:crypto';
import { FAIL_FAST_REDIS_OPTIONS, REDIS, ResponseCacheAdmission } from '@botdeck/core';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { AccessGuard } from './access/access.guard';
import { AccessRecheck } from './access/access-recheck.service';
import { Authenticator } from './access/authenticator.service';
import { SignedInAdmission } from './access/signed-in-admission';
import { authConfig, type AuthConfig } from './auth.config';
import { AccessTokensService, JWT_AUDIENCE, JWT_ISSUER } from './sessions/access-tokens.service';
import { rateLimitConfig, type RateLimitConfig } from './rate-limits/rate-limit.config';
import { RateLimitGuard } from './rate-limits/rate-limit.guard';
import { RateLimiter } from './rate-limits/rate-limiter';
import { ScriptedThrottlerStorage } from './rate-limits/scripted-throttler-storage';
import { AuthController } from './sessions/auth.controller';
import { AuthService } from './sessions/auth.service';
import { LOGIN_THROTTLER_STORAGE, LoginThrottleGuard } from './sessions/login-throttle.guard';
import { RefreshToken } from './sessions/refresh-token.entity';
import { SessionsService } from './sessions/sessions.service';
import { AdminBootstrapService } from './users/admin-bootstrap.service';
import { UsersController } from './users/users.controller';
import { UsersModule } from './users/users.module';

/** Users, sign-in, tokens, the API's rate limits and the global access guard. */
@Module({
  imports: [
    ConfigModule.forFeature(authConfig),
    ConfigModule.forFeature(rateLimitConfig),
    ThrottlerModule.forRootAsync({
      imports: [ConfigModule.forFeature(rateLimitConfig)],
      inject: [rateLimitConfig.KEY, REDIS],
      useFactory: (config: RateLimitConfig, redis: Redis) => ({
        throttlers: Object.entries(config.tiers).map(([name, limit]) => ({
          name,
          limit,
          ttl: config.windowSeconds * 1000,
        })),
        // A connection of its own that fails at once while Redis is away (the guard then lets
        // requests through) instead of queueing them behind reconnects.
        storage: new ScriptedThrottlerStorage(
          redis.duplicate(FAIL_FAST_REDIS_OPTIONS),
          config.timeoutMs,
        ),
      }),
    }),
    UsersModule,
    TypeOrmModule.forFeature([RefreshToken]),
    JwtModule.registerAsync({
      imports: [ConfigModule.forFeature(authConfig)],
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries (and fails)
        // to parse it as a public key on every verify, a fifth of a signed-in request's CPU.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: {
          algorithm: 'HS256',
          expiresIn: config.accessTtlSeconds,
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
        },
        verifyOptions: { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AccessTokensService,
    Authenticator,
    AccessRecheck,
    AuthService,
    SessionsService,
    AdminBootstrapService,
    LoginThrottleGuard,
    RateLimiter,
    { provide: ResponseCacheAdmission, useClass: SignedInAdmission },
    {
      provide: LOGIN_THROTTLER_STORAGE,
      inject: [REDIS, rateLimitConfig.KEY],
      useFactory: (redis: Redis, config: RateLimitConfig) =>
        new ScriptedThrottlerStorage(redis, config.timeoutMs),
    },
    // Global guards run in the order they are provided: count first, then check access, so
    // requests with a refused token count against their IP too.
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    UsersModule,
    SessionsService,
    AccessTokensService,
    Authenticator,
    AccessRecheck,
    ResponseCacheAdmission,
  ],
})
export class AuthModule {}
