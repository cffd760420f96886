import { AuditSearch } from '@botdeck/audit';
import { UserSearch } from '@botdeck/auth';
import { BotSearch } from '@botdeck/bot-config';
import { ProductSearch } from '@botdeck/catalog';
import { CommandLogSearchService } from '@botdeck/commands';
import { parseWebSearch, type RequestActor, roleAtLeast } from '@botdeck/core';
import { Inject, Injectable } from '@nestjs/common';
import { searchConfig, type SearchConfig } from '../search.config';
import type { SearchBoxQuery, SearchResultsDto } from './dto/search-box.dto';

/**
 * The one search box: parses `q` once, then asks each domain's searchable door, in parallel,
 * for what the caller's role may read there (the same role its own list route requires).
 */
@Injectable()
export class SearchBoxService {
  constructor(
    private readonly bots: BotSearch,
    private readonly products: ProductSearch,
    private readonly users: UserSearch,
    private readonly logs: CommandLogSearchService,
    private readonly audit: AuditSearch,
    @Inject(searchConfig.KEY) private readonly config: SearchConfig,
  ) {}

  async search(query: SearchBoxQuery, actor: RequestActor): Promise<SearchResultsDto> {
    const text = parseWebSearch(query.q, 'q');
    const limit = query.limit ?? 5;
    const cap = this.config.groupCountCap;
    const admin = roleAtLeast(actor.role, 'admin');
    const [bots, products, commandLogs, users, audit] = await Promise.all([
      this.bots.hits(text, limit, cap),
      this.products.hits(text, limit, cap),
      this.logs.hits(text, limit, cap),
      admin ? this.users.hits(text, limit, cap) : undefined,
      admin ? this.audit.hits(text, limit, cap) : undefined,
    ]);
    return {
      q: text,
      bots,
      products,
      commandLogs,
      ...(users ? { users } : {}),
      ...(audit ? { audit } : {}),
    };
  }
}
