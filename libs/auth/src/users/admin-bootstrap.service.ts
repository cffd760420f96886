import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { authConfig, type AuthConfig } from '../auth.config';
import { EmailTakenError, UsersService } from './users.service';

/**
 * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no user has that email yet.
 * Safe to run on every start and from several instances at once: the unique email index
 * lets exactly one insert win, and an existing user is never changed.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly users: UsersService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdmin();
  }

  /** Returns true when it created the admin. */
  async ensureAdmin(): Promise<boolean> {
    const admin = this.config.admin;
    if (!admin) return false;
    if (await this.users.findByEmail(admin.email)) return false;
    try {
      const user = await this.users.create({ ...admin, role: 'admin' });
      this.logger.log(`Created admin ${user.email} from ADMIN_EMAIL/ADMIN_PASSWORD`);
      return true;
    } catch (error) {
      if (error instanceof EmailTakenError) return false; // another instance won the race
      throw error;
    }
  }
}
