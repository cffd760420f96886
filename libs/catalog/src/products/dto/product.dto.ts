import { ApiProperty } from '@nestjs/swagger';
import type { Product } from '../product.entity';

export class ProductDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'TEE-RED-M' }) sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty({ example: 1999, description: 'Minor units of the currency' }) priceMinor!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null = unlimited' })
  stock!: number | null;
  @ApiProperty() lowStockThreshold!: number;
  @ApiProperty({ description: 'Tracked stock at or below the threshold' }) lowStock!: boolean;
  @ApiProperty() visible!: boolean;
  @ApiProperty() sortOrder!: number;
  @ApiProperty({ type: String, nullable: true }) emoji!: string | null;
  @ApiProperty({ type: String, nullable: true }) alertChannelId!: string | null;
  @ApiProperty({ type: String, nullable: true }) alertRoleId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(product: Product): ProductDto {
    return {
      id: product.id,
      sku: product.sku,
      name: product.name,
      description: product.description,
      category: product.category,
      priceMinor: product.priceMinor,
      currency: product.currency,
      stock: product.stock,
      lowStockThreshold: product.lowStockThreshold,
      lowStock: product.stock !== null && product.stock <= product.lowStockThreshold,
      visible: product.visible,
      sortOrder: product.sortOrder,
      emoji: product.emoji,
      alertChannelId: product.alertChannelId,
      alertRoleId: product.alertRoleId,
      version: product.version,
      createdAt: product.createdAt.toISOString(),
      updatedAt: product.updatedAt.toISOString(),
    };
  }
}
