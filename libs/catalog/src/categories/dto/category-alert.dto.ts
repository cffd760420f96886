import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CATEGORY, CATEGORY_MESSAGE, SNOWFLAKE } from '../../products/dto/product-fields';
import type { CategoryAlertEntity } from '../category-alert.entity';

export class CategoryParams {
  @ApiProperty({ example: 'shirts', description: 'Category name (ignoring case), URL-encoded' })
  @Matches(CATEGORY, { message: CATEGORY_MESSAGE })
  category!: string;
}

export class SetCategoryAlertDto {
  @ApiProperty({ example: '1098765432109876543', description: 'Channel the alert is posted in' })
  @Matches(SNOWFLAKE, { message: 'channelId must be a Discord snowflake' })
  channelId!: string;

  @ApiProperty({ example: '1098765432109876544', description: 'The one role the alert mentions' })
  @Matches(SNOWFLAKE, { message: 'roleId must be a Discord snowflake' })
  roleId!: string;
}

export class CategoryAlertDto {
  @ApiProperty() category!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() roleId!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(alert: CategoryAlertEntity): CategoryAlertDto {
    return {
      category: alert.category,
      channelId: alert.channelId,
      roleId: alert.roleId,
      updatedAt: alert.updatedAt.toISOString(),
    };
  }
}

/** A category as the catalog knows it: from its products, its alert target, or both. */
export class CategorySummaryDto {
  @ApiProperty() category!: string;
  @ApiProperty({ description: 'Products in this category (ignoring case)' }) products!: number;
  @ApiProperty({ type: CategoryAlertDto, nullable: true }) alert!: CategoryAlertDto | null;
}
