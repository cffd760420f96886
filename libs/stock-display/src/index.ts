import { CreateStockDisplays1732500010000 } from './migrations/1732500010000-CreateStockDisplays';
import { CreateRestockAlerts1732500010050 } from './migrations/1732500010050-CreateRestockAlerts';

export { StockDisplayModule } from './stock-display.module';
export { StockDisplayWorkerModule } from './stock-display-worker.module';
export { StockCommandsModule } from './commands/stock-commands.module';
export { stockDisplayConfig, type StockDisplayConfig } from './stock-display.config';
export * from './stock-display.errors';
export {
  DISPLAY_STATUSES,
  StockDisplayEntity,
  type DisplayStatus,
} from './displays/stock-display.entity';
export { StockDisplayDto } from './displays/dto/stock-display.dto';
export type {
  StockDisplayChangedEvent,
  StockDisplayStatusEvent,
} from './displays/stock-display.events';
export * from './rendering/display-layout';
export { formatPrice } from './rendering/format-price';
export {
  DISCORD_MESSAGE_LIMITS,
  parseDisplayFooter,
  renderDisplay,
  type RenderedMessage,
} from './rendering/render-display';
export { ChannelBuckets } from './publishing/channel-buckets';
export { RestockAlertEntity, type RestockAlertStatus } from './alerts/restock-alert.entity';
export { RestockAlertDto } from './alerts/dto/restock-alert.dto';
export { restockAlertsConfig, type RestockAlertsConfig } from './alerts/restock-alerts.config';
export { isRestock } from './alerts/restock-rule';

/** Schema migrations owned by this lib, in order. */
export const stockDisplayMigrations = [
  CreateStockDisplays1732500010000,
  CreateRestockAlerts1732500010050,
];
