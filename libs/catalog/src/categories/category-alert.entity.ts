import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where a category's restock alerts go, for products that name no alert target of their own.
 * Categories match case-insensitively (one row per `lower(category)`).
 */
@Entity({ name: 'product_category_alerts' })
export class CategoryAlertEntity {
  @PrimaryColumn('text')
  category!: string;

  @Column('text', { name: 'channel_id' })
  channelId!: string;

  @Column('text', { name: 'role_id' })
  roleId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
