import { AuditSearch } from '@botdeck/audit';
import { UserSearch } from '@botdeck/auth';
import { BotSearch } from '@botdeck/bot-config';
import { ProductSearch } from '@botdeck/catalog';
import { CommandLogsModule } from '@botdeck/commands';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { SearchBoxController } from './box/search-box.controller';
import { SearchBoxService } from './box/search-box.service';
import { searchConfig } from './search.config';

/**
 * The one search box across Botdeck's domains (`GET /search`). Each domain keeps its tables
 * and says what of them is searchable through a door in its index; this module only asks.
 */
@Module({
  imports: [ConfigModule.forFeature(searchConfig), CommandLogsModule],
  controllers: [SearchBoxController],
  providers: [BotSearch, ProductSearch, UserSearch, AuditSearch, SearchBoxService],
})
export class SearchModule {}
