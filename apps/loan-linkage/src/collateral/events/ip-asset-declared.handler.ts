import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';

/** Records a declared IP right; a declaration never changes, so a repeat changes nothing. */
@Injectable()
@HandlesEvent('ip-asset.declared')
export class IpAssetDeclaredHandler implements EventHandler<'ip-asset.declared'> {
  async handle({ payload }: Event<'ip-asset.declared'>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO ip_assets (id, project_id, company_id, founder_id, type, registry_number, title, owner)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO NOTHING`,
      [
        payload.ipAssetId,
        payload.projectId,
        payload.companyId,
        payload.founderId,
        payload.type,
        payload.registryNumber,
        payload.title,
        payload.owner,
      ],
    );
  }
}
