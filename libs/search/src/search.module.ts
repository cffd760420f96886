import { Module } from '@nestjs/common';

/** Query parsing and the one search box across Botdeck's domains (`GET /search`). */
@Module({})
export class SearchModule {}
