import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { newId } from '@crowdlink/domain';
import { Repository } from 'typeorm';
import { Company } from './company.entity';
import { CompanyNotFoundException } from './company.exceptions';
import { CreateCompanyDto } from './dto/create-company.dto';

@Injectable()
export class CompaniesService {
  constructor(@InjectRepository(Company) private readonly companies: Repository<Company>) {}

  async create(ownerId: string, input: CreateCompanyDto): Promise<Company> {
    return this.companies.save(this.companies.create({ ...input, id: newId(), ownerId }));
  }

  /** The company, if the caller owns it; someone else's company is reported as missing. */
  async ownedBy(companyId: string, ownerId: string): Promise<Company> {
    const company = await this.companies.findOneBy({ id: companyId, ownerId });
    if (!company) throw new CompanyNotFoundException();
    return company;
  }
}
