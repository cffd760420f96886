import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One line of the append-only stock ledger (a trigger refuses UPDATE and DELETE). `delta` is
 * the change in quantity, null when a `set` crossed from or to unlimited; `quantity` is the
 * stock after the change, null when the product's stock is unlimited.
 */
@Entity({ name: 'stock_movements' })
export class StockMovementEntity {
  /** An identity column: insertion order, and the tie-break of the newest-first cursor. */
  @PrimaryColumn('bigint', { insert: false })
  id!: string;

  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('integer', { nullable: true })
  delta!: number | null;

  @Column('integer', { nullable: true })
  quantity!: number | null;

  @Column('text')
  reason!: string;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
