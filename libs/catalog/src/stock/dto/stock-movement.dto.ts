import { ApiProperty } from '@nestjs/swagger';
import type { StockMovementEntity } from '../stock-movement.entity';

export class StockMovementDto {
  @ApiProperty({ example: '1042', description: 'Increasing with every movement recorded' })
  id!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Change in quantity; null when a set crossed from or to unlimited',
  })
  delta!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Stock after; null = unlimited' })
  quantity!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(movement: StockMovementEntity): StockMovementDto {
    return {
      id: movement.id,
      productId: movement.productId,
      actorId: movement.actorId,
      delta: movement.delta,
      quantity: movement.quantity,
      reason: movement.reason,
      createdAt: movement.createdAt.toISOString(),
    };
  }
}

/** What one stock change did. */
export class StockChangeResultDto {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null = unlimited' })
  before!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null = unlimited' })
  after!: number | null;
  @ApiProperty({ type: StockMovementDto }) movement!: StockMovementDto;
}
