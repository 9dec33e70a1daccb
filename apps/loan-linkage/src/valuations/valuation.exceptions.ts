import { DomainException } from '@crowdlink/domain';

export class IpAssetNotFoundException extends DomainException {
  constructor(id: string) {
    super('IP_ASSET_NOT_FOUND', 'not_found', `No IP asset ${id}`);
  }
}

export class ValuationExpiredException extends DomainException {
  constructor() {
    super('VALUATION_ALREADY_EXPIRED', 'unprocessable', 'validUntil must be in the future');
  }
}
