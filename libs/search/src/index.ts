export * from './search.module';
export { searchConfig, type SearchConfig } from './search.config';
export { SearchResultsDto } from './box/dto/search-box.dto';
