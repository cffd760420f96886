import { Actor, ApiErrorResponses, type RequestActor, Roles } from '@botdeck/core';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SearchBoxQuery, SearchResultsDto } from './dto/search-box.dto';
import { SearchBoxService } from './search-box.service';

@ApiTags('search')
@Controller('search')
export class SearchBoxController {
  constructor(private readonly box: SearchBoxService) {}

  @Get()
  @Roles('viewer')
  @ApiOperation({
    summary: 'One search box across Botdeck: bots, products, command logs, users, audit',
    description:
      'Typed groups, each with a (capped) count and the ids to link to. Users and audit ' +
      'entries only for admins, as on their own routes.',
  })
  @ApiOkResponse({ type: SearchResultsDto })
  @ApiErrorResponses(400)
  search(
    @Query() query: SearchBoxQuery,
    @Actor() actor: RequestActor | undefined,
  ): Promise<SearchResultsDto> {
    // The guard has established the actor on every route that requires a role.
    return this.box.search(query, actor!);
  }
}
