import { ApiProperty } from '@nestjs/swagger';
import { Company } from '../company.entity';

export class CompanyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  ownerId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  registrationNumber!: string;

  @ApiProperty()
  sector!: string;

  @ApiProperty()
  region!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Stripe Connect account (acct_…); null until given' })
  payoutAccountId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static of(company: Company): CompanyDto {
    return {
      id: company.id,
      ownerId: company.ownerId,
      name: company.name,
      registrationNumber: company.registrationNumber,
      sector: company.sector,
      region: company.region,
      description: company.description,
      payoutAccountId: company.payoutAccountId,
      createdAt: company.createdAt.toISOString(),
    };
  }
}
