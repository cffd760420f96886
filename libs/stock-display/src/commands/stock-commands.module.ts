import { CatalogReadModule } from '@botdeck/catalog';
import { Module } from '@nestjs/common';
import { StockCommands } from './stock.commands';

/**
 * `/stock` and `/product`. Being providers, the handlers are found by the commands registry's
 * necord discovery wherever this module is imported next to `CommandsWorkerModule`.
 */
@Module({ imports: [CatalogReadModule], providers: [StockCommands] })
export class StockCommandsModule {}
