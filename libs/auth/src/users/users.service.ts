import {
  ConflictError,
  CursorQueryDto,
  NotFoundError,
  Page,
  paginate,
  Role,
  UnitOfWork,
} from '@botdeck/core';
import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { AccessInvalidations } from '../access/access-invalidations';
import { hashPassword } from './passwords';
import { User } from './user.entity';
import { AUTH_ERRORS } from '../auth.errors';

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  disabled?: boolean;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class EmailTakenError extends ConflictError {
  constructor(email: string) {
    super(AUTH_ERRORS.EMAIL_TAKEN, `A user with email ${email} already exists`);
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(AUTH_ERRORS.USER_NOT_FOUND, `User ${id} not found`);
  }
}

export class LastAdminError extends ConflictError {
  constructor() {
    super(AUTH_ERRORS.LAST_ADMIN, 'This would leave Botdeck without an active admin');
  }
}

/**
 * The user store. Every write goes through the unit of work, so inside a request it commits
 * with the request's audit entry (or not at all); outside one (the CLI, the admin bootstrap)
 * each write is a transaction of its own.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly invalidations: AccessInvalidations,
  ) {}

  /** Reads through the open transaction when there is one, so a request sees its own writes. */
  private get users(): Repository<User> {
    return this.uow.getRepository(User);
  }

  /**
   * Creates a user; a second user with the same email (in any case) is an EmailTakenError.
   * ON CONFLICT DO NOTHING lets the unique index settle races without a failed statement
   * (whose parameters, the password hash among them, the driver would log).
   */
  async create(input: NewUser): Promise<User> {
    const email = normalizeEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    return this.uow.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const result = await repo
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({ email, passwordHash, role: input.role, disabled: input.disabled ?? false })
        .orIgnore()
        .returning(['id'])
        .execute();
      const row = (result.raw as Array<{ id: string }>)[0];
      if (!row) throw new EmailTakenError(email);
      return repo.findOneByOrFail({ id: row.id });
    });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  async get(id: string): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new UserNotFoundError(id);
    return user;
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: normalizeEmail(email) })
      .getOne();
  }

  list(page: CursorQueryDto): Promise<Page<User>> {
    return paginate(this.users.createQueryBuilder('u'), page);
  }

  async changeRole(id: string, role: Role): Promise<{ before: User; after: User }> {
    return this.update(id, { role });
  }

  async setDisabled(id: string, disabled: boolean): Promise<{ before: User; after: User }> {
    return this.update(id, { disabled });
  }

  async delete(id: string): Promise<User> {
    return this.uow.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await this.lockForChange(repo, id);
      if (user.role === 'admin' && !user.disabled) await this.ensureAnotherAdmin(repo, id);
      await repo.delete({ id });
      this.invalidations.userChanged(id);
      return user;
    });
  }

  /**
   * Role and disabled changes run in a transaction that locks the active admins, so two
   * concurrent demotions cannot both pass the "another admin remains" check.
   */
  private update(
    id: string,
    change: { role?: Role; disabled?: boolean },
  ): Promise<{ before: User; after: User }> {
    return this.uow.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const before = await this.lockForChange(repo, id);
      const after = { ...before, ...change };
      const losesAdmin =
        before.role === 'admin' && !before.disabled && (after.role !== 'admin' || after.disabled);
      if (losesAdmin) await this.ensureAnotherAdmin(repo, id);
      await repo.update({ id }, change);
      this.invalidations.userChanged(id);
      return { before, after: await repo.findOneByOrFail({ id }) };
    });
  }

  private async lockForChange(repo: Repository<User>, id: string): Promise<User> {
    // Lock every active admin as well as the target so the last-admin check is race-free.
    await repo
      .createQueryBuilder('u')
      .select('u.id')
      .where("u.role = 'admin' AND NOT u.disabled")
      .setLock('pessimistic_write')
      .getMany();
    const user = await repo
      .createQueryBuilder('u')
      .where('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!user) throw new UserNotFoundError(id);
    return user;
  }

  private async ensureAnotherAdmin(repo: Repository<User>, exceptId: string): Promise<void> {
    const others = await repo
      .createQueryBuilder('u')
      .where("u.role = 'admin' AND NOT u.disabled AND u.id <> :id", { id: exceptId })
      .getCount();
    if (others === 0) throw new LastAdminError();
  }
}
