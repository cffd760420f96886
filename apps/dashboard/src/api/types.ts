import type { components } from './openapi';

/** The API's DTOs by name, straight from the generated OpenAPI types. */
export type Schemas = components['schemas'];
export type Bot = Schemas['BotDto'];
export type BotStatus = Bot['status'];
export type User = Schemas['UserDto'];
export type Role = User['role'];
export type TokenPair = Schemas['TokenPairDto'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
export type Product = Schemas['ProductDto'];
export type StockDisplay = Schemas['StockDisplayDto'];
export type CommandLog = Schemas['CommandLogDto'];
export type CommandStats = Schemas['CommandStatsDto'];
export type BulkOperation = Schemas['BulkOperationDto'];
export type BulkItem = Schemas['BulkItemDto'];
export type BulkTotals = Schemas['BulkTotalsDto'];
export type HealthReport = Schemas['HealthReportDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
