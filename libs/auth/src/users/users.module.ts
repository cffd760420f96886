import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessInvalidations } from '../access/access-invalidations';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** The user store alone, for processes (the CLI) that need users but no HTTP or tokens. */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [UsersService, AccessInvalidations],
  exports: [UsersService, AccessInvalidations, TypeOrmModule],
})
export class UsersModule {}
