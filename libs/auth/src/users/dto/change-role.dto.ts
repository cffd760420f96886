import { ROLES, type Role } from '@botdeck/core';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES, example: 'operator' })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role!: Role;
}
