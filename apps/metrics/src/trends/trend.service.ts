import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { badInput } from '@nhi/graphql';
import { share } from '../governance/governance-figures';
import { startOfDay } from '../counts/buckets';

export type GovernanceMetric =
  | 'IDENTITIES'
  | 'OWNERSHIP_COVERAGE'
  | 'ORPHANED'
  | 'ROTATION_COMPLIANCE'
  | 'OVERDUE_ROTATIONS'
  | 'MANAGED_ROTATION_SHARE'
  | 'ATTESTATION_COMPLETION'
  | 'OPEN_EXCEPTIONS'
  | 'EXCEPTIONS_PER_100_IDENTITIES'
  | 'OPEN_FINDINGS';
export type TrendInterval = 'DAY' | 'WEEK' | 'MONTH';

interface SnapshotRow {
  day: Date;
  identities: number;
  owned: number;
  orphaned: number;
  attested: number;
  overdue: number;
  managed: number;
  open_exceptions: number;
  open_findings: number;
}

const VALUE: Record<GovernanceMetric, (row: SnapshotRow) => number | null> = {
  IDENTITIES: (r) => r.identities,
  OWNERSHIP_COVERAGE: (r) => share(r.owned, r.identities),
  ORPHANED: (r) => r.orphaned,
  ROTATION_COMPLIANCE: (r) => share(r.identities - r.overdue, r.identities),
  OVERDUE_ROTATIONS: (r) => r.overdue,
  MANAGED_ROTATION_SHARE: (r) => share(r.managed, r.identities),
  ATTESTATION_COMPLETION: (r) => share(r.attested, r.owned),
  OPEN_EXCEPTIONS: (r) => r.open_exceptions,
  EXCEPTIONS_PER_100_IDENTITIES: (r) => (r.identities > 0 ? (100 * r.open_exceptions) / r.identities : null),
  OPEN_FINDINGS: (r) => r.open_findings,
};

const MAX_DAYS = 3_660;

/** A metric over time, from the daily snapshots: each point is the value at the close of the last day of its interval. */
@Injectable()
export class TrendService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async trend(
    metric: GovernanceMetric,
    from: Date,
    to: Date,
    interval: TrendInterval,
    businessUnit: string | null,
  ): Promise<Array<{ at: Date; value: number | null }>> {
    if (!(from <= to)) throw badInput('from must not be after to', 'from');
    if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw badInput(`a trend spans at most ${MAX_DAYS} days`, 'to');
    const bucket = { DAY: 'day', WEEK: 'week', MONTH: 'month' }[interval];
    const rows: Array<SnapshotRow & { bucket: Date }> = await this.dataSource.query(
      `SELECT DISTINCT ON (date_trunc('${bucket}', day)) date_trunc('${bucket}', day) AS bucket, *
       FROM governance_snapshots WHERE scope = $1 AND day BETWEEN $2 AND $3
       ORDER BY date_trunc('${bucket}', day), day DESC`,
      [businessUnit === null ? 'estate' : `bu:${businessUnit}`, startOfDay(from), startOfDay(to)],
    );
    return rows.map((row) => ({ at: new Date(row.bucket), value: VALUE[metric](row) }));
  }
}
