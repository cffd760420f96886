import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty({ description: 'The opaque refresh token from login or the last refresh' })
  @IsString()
  @Length(16, 512)
  refreshToken!: string;
}
