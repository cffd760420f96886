import {
  ApiErrorResponses,
  ApiPage,
  Audited,
  CursorQueryDto,
  mapPage,
  noteAudit,
  Page,
  Roles,
} from '@botdeck/core';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { SessionsService } from '../sessions/sessions.service';
import { ChangeRoleDto } from './dto/change-role.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UserDto } from './dto/user.dto';
import { UserIdParams } from './dto/user-id.params';
import { UsersService } from './users.service';

/** What the audit trail may see of a user: never the password hash. */
function auditView(user: UserDto): Pick<UserDto, 'email' | 'role' | 'disabled'> {
  return { email: user.email, role: user.role, disabled: user.disabled };
}

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  @Get()
  @ApiPage(UserDto, 'Users, newest first')
  @ApiErrorResponses(400)
  async list(@Query() query: CursorQueryDto): Promise<Page<UserDto>> {
    return mapPage(await this.users.list(query), (user) => UserDto.from(user));
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiErrorResponses(400, 404)
  async get(@Param() params: UserIdParams): Promise<UserDto> {
    return UserDto.from(await this.users.get(params.id));
  }

  @Post()
  @Audited('user.create', 'user')
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrorResponses(400, 409)
  async create(@Body() body: CreateUserDto, @Req() request: FastifyRequest): Promise<UserDto> {
    const user = UserDto.from(await this.users.create(body));
    noteAudit(request, { resourceId: user.id, after: auditView(user) });
    return user;
  }

  @Patch(':id/role')
  @Audited('user.update_role', 'user', { idParam: 'id' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrorResponses(400, 404, 409)
  async changeRole(
    @Param() params: UserIdParams,
    @Body() body: ChangeRoleDto,
    @Req() request: FastifyRequest,
  ): Promise<UserDto> {
    const { before, after } = await this.users.changeRole(params.id, body.role);
    noteAudit(request, {
      resourceId: params.id,
      before: { role: before.role },
      after: { role: after.role },
    });
    return UserDto.from(after);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Audited('user.disable', 'user', { idParam: 'id' })
  @ApiOkResponse({ type: UserDto, description: 'Disabled; their sessions end at once' })
  @ApiErrorResponses(400, 404, 409)
  async disable(@Param() params: UserIdParams, @Req() request: FastifyRequest): Promise<UserDto> {
    const { before, after } = await this.users.setDisabled(params.id, true);
    await this.sessions.revokeAllForUser(params.id);
    noteAudit(request, {
      resourceId: params.id,
      before: { disabled: before.disabled },
      after: { disabled: after.disabled },
    });
    return UserDto.from(after);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Audited('user.enable', 'user', { idParam: 'id' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrorResponses(400, 404)
  async enable(@Param() params: UserIdParams, @Req() request: FastifyRequest): Promise<UserDto> {
    const { before, after } = await this.users.setDisabled(params.id, false);
    noteAudit(request, {
      resourceId: params.id,
      before: { disabled: before.disabled },
      after: { disabled: after.disabled },
    });
    return UserDto.from(after);
  }

  @Delete(':id')
  @HttpCode(204)
  @Audited('user.delete', 'user', { idParam: 'id' })
  @ApiNoContentResponse({ description: 'Deleted, with all their sessions' })
  @ApiErrorResponses(400, 404, 409)
  async delete(@Param() params: UserIdParams, @Req() request: FastifyRequest): Promise<void> {
    const before = UserDto.from(await this.users.delete(params.id));
    noteAudit(request, { resourceId: params.id, before: auditView(before) });
  }
}
