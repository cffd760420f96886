import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type ValueTransformer,
} from 'typeorm';

/**
 * A product as other libs see it (displays, slash commands, restock alerts). Money is integer
 * minor units plus an ISO-4217 currency; `stock` null means unlimited.
 */
export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  category: string | null;
  priceMinor: number;
  currency: string;
  stock: number | null;
  lowStockThreshold: number;
  visible: boolean;
  sortOrder: number;
  emoji: string | null;
  alertChannelId: string | null;
  alertRoleId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** `bigint` arrives from pg as a string; prices are capped at 2^53 − 1, so a number holds them. */
const bigintAsNumber: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity({ name: 'products' })
export class ProductEntity implements Product {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  sku!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { nullable: true })
  category!: string | null;

  @Column('bigint', { name: 'price_minor', transformer: bigintAsNumber })
  priceMinor!: number;

  @Column('char', { length: 3 })
  currency!: string;

  @Column('integer', { nullable: true })
  stock!: number | null;

  @Column('integer', { name: 'low_stock_threshold' })
  lowStockThreshold!: number;

  @Column('boolean')
  visible!: boolean;

  @Column('integer', { name: 'sort_order' })
  sortOrder!: number;

  @Column('text', { nullable: true })
  emoji!: string | null;

  @Column('text', { name: 'alert_channel_id', nullable: true })
  alertChannelId!: string | null;

  @Column('text', { name: 'alert_role_id', nullable: true })
  alertRoleId!: string | null;

  /** Moves on every edit of the fields above; stock moves through the ledger and leaves it. */
  @Column('integer')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
