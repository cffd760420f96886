import { ApiProperty } from '@nestjs/swagger';
import {
  RESTOCK_ALERT_STATUSES,
  type RestockAlertEntity,
  type RestockAlertStatus,
} from '../restock-alert.entity';

export class RestockAlertDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ format: 'uuid', description: 'The bot that posted the alert' }) botId!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty({ description: 'The role the alert mentioned (and only it)' }) roleId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when posting failed' })
  messageId!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Stock when posted; null = unlimited' })
  stockAfter!: number | null;
  @ApiProperty({ enum: RESTOCK_ALERT_STATUSES }) status!: RestockAlertStatus;
  @ApiProperty({ type: Number, nullable: true, example: 50013, description: 'Discord’s code' })
  errorCode!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(alert: RestockAlertEntity): RestockAlertDto {
    return {
      id: alert.id,
      productId: alert.productId,
      botId: alert.botId,
      channelId: alert.channelId,
      roleId: alert.roleId,
      messageId: alert.messageId,
      stockAfter: alert.stockAfter,
      status: alert.status,
      errorCode: alert.errorCode,
      createdAt: alert.createdAt.toISOString(),
    };
  }
}
