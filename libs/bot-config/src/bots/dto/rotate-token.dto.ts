import { PickType } from '@nestjs/swagger';
import { CreateBotDto } from './create-bot.dto';

export class RotateTokenDto extends PickType(CreateBotDto, ['token'] as const) {}
