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
      createdAt: company.createdAt.toISOString(),
    };
  }
}
