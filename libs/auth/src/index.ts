import { CreateUsers1732500000000 } from './migrations/1732500000000-CreateUsers';

export * from './auth.module';
export * from './auth.errors';
export {
  authConfig,
  readAuthConfig,
  checkJwtSecret,
  MIN_PASSWORD_LENGTH,
  MAX_PASSWORD_LENGTH,
} from './auth.config';
export type { AuthConfig } from './auth.config';
export { AccessGuard } from './access/access.guard';
export { Authenticator } from './access/authenticator.service';
export type { Authenticated } from './access/authenticator.service';
export { AccessRecheck, accessPairKey } from './access/access-recheck.service';
export type { AccessPair, AccessVerdict } from './access/access-recheck.service';
export { User } from './users/user.entity';
export { UserDto } from './users/dto/user.dto';
export { UsersModule } from './users/users.module';
export {
  UsersService,
  EmailTakenError,
  UserNotFoundError,
  LastAdminError,
  normalizeEmail,
} from './users/users.service';
export type { NewUser } from './users/users.service';
export { generatePassword } from './users/passwords';
export { RefreshToken } from './sessions/refresh-token.entity';
export { SessionsService } from './sessions/sessions.service';
export { AccessTokensService } from './sessions/access-tokens.service';
export type { AccessClaims } from './sessions/access-tokens.service';

/** Schema migrations owned by this lib, in order. */
export const authMigrations: Array<new () => unknown> = [CreateUsers1732500000000];
