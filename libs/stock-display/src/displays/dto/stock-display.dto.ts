import { ApiProperty } from '@nestjs/swagger';
import { STOCK_MODES, type StockMode } from '../../rendering/display-layout';
import {
  DISPLAY_STATUSES,
  type DisplayStatus,
  type StockDisplayEntity,
} from '../stock-display.entity';

export class StockDisplayDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) botId!: string;
  @ApiProperty() guildId!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String], description: 'Empty = every category' }) categories!: string[];
  @ApiProperty() includeSoldOut!: boolean;
  @ApiProperty({ enum: STOCK_MODES }) stockMode!: StockMode;
  @ApiProperty() showPrices!: boolean;
  @ApiProperty() lowStockMarker!: boolean;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: [String], readOnly: true, description: 'Discord message ids, in order' })
  messageIds!: string[];
  @ApiProperty({
    enum: DISPLAY_STATUSES,
    readOnly: true,
    description:
      '`pending` until first shown (or while disabled), `live`, or `error` with Discord’s code',
  })
  status!: DisplayStatus;
  @ApiProperty({ type: Number, nullable: true, readOnly: true, example: 50013 })
  statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true, readOnly: true }) statusReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, readOnly: true })
  lastRenderedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, readOnly: true }) contentHash!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(display: StockDisplayEntity): StockDisplayDto {
    return {
      id: display.id,
      botId: display.botId,
      guildId: display.guildId,
      channelId: display.channelId,
      title: display.title,
      categories: display.categories,
      includeSoldOut: display.includeSoldOut,
      stockMode: display.stockMode,
      showPrices: display.showPrices,
      lowStockMarker: display.lowStockMarker,
      enabled: display.enabled,
      messageIds: display.messageIds,
      status: display.status,
      statusCode: display.statusCode,
      statusReason: display.statusReason,
      lastRenderedAt: display.lastRenderedAt?.toISOString() ?? null,
      contentHash: display.contentHash,
      version: display.version,
      createdAt: display.createdAt.toISOString(),
      updatedAt: display.updatedAt.toISOString(),
    };
  }
}
