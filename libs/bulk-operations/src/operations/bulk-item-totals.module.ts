import { Module } from '@nestjs/common';
import { BulkItemTotals } from './bulk-item-totals';

/** Read-only bulk figures for monitoring; needs the database module. */
@Module({ providers: [BulkItemTotals], exports: [BulkItemTotals] })
export class BulkItemTotalsModule {}
