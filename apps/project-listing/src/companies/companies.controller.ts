import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { CompaniesService } from './companies.service';
import { CompanyDto } from './dto/company.dto';
import { CreateCompanyDto } from './dto/create-company.dto';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('v1/companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @Roles('founder')
  @ApiCreatedResponse({ type: CompanyDto })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateCompanyDto): Promise<CompanyDto> {
    return CompanyDto.of(await this.companies.create(user.id, body));
  }
}
