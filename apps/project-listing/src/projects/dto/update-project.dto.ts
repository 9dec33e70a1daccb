import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateProjectDto } from './create-project.dto';

/**
 * Any field of the project body but its company and its IP declarations (declared once,
 * with the project, because other services key collateral by their ids). `rewards`, when
 * given, replaces the whole list; `equity` and `disclosures` replace their object.
 */
export class UpdateProjectDto extends PartialType(OmitType(CreateProjectDto, ['companyId', 'ipAssets'] as const), {
  // absent means "unchanged"; null is no value for any of these fields and is refused
  skipNullProperties: false,
}) {}
