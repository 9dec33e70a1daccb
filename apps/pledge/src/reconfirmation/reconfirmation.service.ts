import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { DataSource } from 'typeorm';
import { PledgeDto } from '../pledges/dto/pledge.dto';
import { PledgeNotFoundException } from '../pledges/pledge.exceptions';
import { CampaignRow, PLEDGE_COLUMNS, PledgeRow, toDto } from '../pledges/pledge-rows';
import { sharesFor } from '../pledges/pledge-rules';
import { ReconfirmationNotPendingException, ReconfirmationWindowClosedException } from './reconfirmation.exceptions';

type PendingRow = Pick<PledgeRow, 'investor_id' | 'status' | 'amount' | 'reconfirm_by'> &
  Pick<CampaignRow, 'kind' | 'price_per_share'>;

/**
 * The investor keeps a pledge after a material change by reconfirming it before reconfirm_by.
 * The amount stays what the investor committed; shares follow the campaign's price now. When
 * the new price does not divide the amount, the pledge cannot be kept as it is: 422
 * NOT_A_WHOLE_NUMBER_OF_SHARES, and the investor cancels it (while the cancellation window
 * is open) or lets it lapse at the deadline and pledges anew. Rounding the amount down would
 * commit them to an amount they never confirmed.
 */
@Injectable()
export class ReconfirmationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async reconfirm(investorId: string, id: string): Promise<PledgeDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // locked: the deadline sweep and the investor's own cancellation wait for this decision
      const [pending] = (await manager.query(
        `SELECT p.investor_id, p.status, p.amount::text AS amount, p.reconfirm_by, c.kind,
                c.price_per_share::text AS price_per_share
           FROM pledges p JOIN campaigns c USING (project_id)
          WHERE p.id = $1
          FOR UPDATE OF p`,
        [id],
      )) as PendingRow[];
      if (!pending || pending.investor_id !== investorId) throw new PledgeNotFoundException(id);
      if (pending.status !== 'COMMITTED' || pending.reconfirm_by === null) {
        throw new ReconfirmationNotPendingException(id, pending.status);
      }
      if (pending.reconfirm_by.getTime() <= now.getTime()) {
        throw new ReconfirmationWindowClosedException(pending.reconfirm_by);
      }
      const shares = sharesFor(pending, Number(pending.amount)) ?? null;
      const [[row]] = (await manager.query(
        `UPDATE pledges SET reconfirm_by = NULL, reconfirmed_at = $2, shares = $3, version = version + 1,
                            updated_at = now()
          WHERE id = $1
          RETURNING ${PLEDGE_COLUMNS}`,
        [id, now.toISOString(), shares],
      )) as [PledgeRow[], number];
      return toDto(row);
    });
  }
}
