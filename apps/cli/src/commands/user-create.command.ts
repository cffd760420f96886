import {
  generatePassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  UsersModule,
  UsersService,
} from '@botdeck/auth';
import { appConfig, databaseConfig, DatabaseModule, Role, ROLES } from '@botdeck/core';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { isEmail } from 'class-validator';
import { CliCommand, requiredString, UsageError } from '../cli-command';

/** Just what creating a user needs: configuration, the database and the user store. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [appConfig, databaseConfig],
    }),
    DatabaseModule.forRoot(),
    UsersModule,
  ],
})
class UserCreateModule {}

export const userCreateCommand: CliCommand = {
  name: 'user:create',
  summary: 'Create a user; without --password a strong one is generated and printed once',
  usage: `--email <email> --role <${ROLES.join('|')}> [--password <password>]`,
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
  },
  async run(flags, output) {
    const email = requiredString(flags, 'email');
    if (!isEmail(email)) throw new UsageError(`--email "${email}" is not a valid email address`);
    const role = requiredString(flags, 'role');
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`--role must be one of: ${ROLES.join(', ')} (got "${role}")`);
    }
    const given = flags.password;
    if (given !== undefined) {
      if (typeof given !== 'string' || given.length < MIN_PASSWORD_LENGTH) {
        throw new UsageError(`--password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
      }
      if (given.length > MAX_PASSWORD_LENGTH) {
        throw new UsageError(`--password must be at most ${MAX_PASSWORD_LENGTH} characters long`);
      }
    }
    const password = given ?? generatePassword();

    const app = await NestFactory.createApplicationContext(UserCreateModule, {
      logger: false,
      abortOnError: false,
    });
    try {
      const user = await app.get(UsersService).create({ email, password, role: role as Role });
      output.out(`Created ${user.role} ${user.email} (id ${user.id})`);
      if (given === undefined) output.out(`Generated password (shown once): ${password}`);
    } finally {
      await app.close();
    }
  },
};
