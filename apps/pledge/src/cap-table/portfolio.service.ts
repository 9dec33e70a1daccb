import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { idCursor, pageOf } from '@crowdlink/platform';
import { DataSource } from 'typeorm';
import { PortfolioHoldingDto, PortfolioPageDto } from './dto/portfolio.dto';

interface PortfolioRow {
  id: string;
  project_id: string;
  project_title: string | null;
  shares: string;
  share_class: string;
  amount_invested: string;
  currency: string;
}

/** An investor's holdings across the campaigns they funded, newest first. */
@Injectable()
export class PortfolioService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The cursor is the last holding's id on the previous page, as for the investor's pledges. */
  async listMine(investorId: string, limit: number, cursor?: string): Promise<PortfolioPageDto> {
    const rows = (await this.dataSource.query(
      `SELECT h.id, h.project_id, c.snapshot->>'title' AS project_title, h.shares::text AS shares, h.share_class,
              h.amount_invested::text AS amount_invested, trim(h.currency) AS currency
         FROM holdings h JOIN campaigns c USING (project_id)
        WHERE h.investor_id = $1 AND ($2::uuid IS NULL OR h.id < $2::uuid)
        ORDER BY h.id DESC LIMIT $3`,
      [investorId, idCursor(cursor), limit + 1],
    )) as PortfolioRow[];
    const page = pageOf(rows, limit, (last) => last.id);
    return { ...page, items: page.items.map(toHoldingDto) };
  }
}

function toHoldingDto(row: PortfolioRow): PortfolioHoldingDto {
  return {
    projectId: row.project_id,
    projectTitle: row.project_title,
    shares: Number(row.shares),
    shareClass: row.share_class,
    amountInvested: Number(row.amount_invested),
    currency: row.currency,
  };
}
