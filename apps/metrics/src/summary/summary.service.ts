import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IdentityDiscoveredData } from '@nhi/contracts';
import { GovernanceSummaryModel, KeyCountModel } from './governance-summary.model';
import { IdentityFactEntity } from './identity-fact.entity';

const GROUPABLE = { kind: 'kind', environment: 'environment', provider: 'provider' } as const;

@Injectable()
export class SummaryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recordIdentity(manager: EntityManager, { identity, discoveredAt }: IdentityDiscoveredData): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(IdentityFactEntity)
      .values({
        identityId: identity.id,
        kind: identity.kind,
        environment: identity.environment,
        provider: identity.provider,
        businessUnit: identity.businessUnit,
        registeredAt: new Date(discoveredAt),
      })
      .orIgnore()
      .execute();
  }

  async summary(businessUnit?: string): Promise<GovernanceSummaryModel> {
    const [byKind, byEnvironment, byProvider, totals] = await Promise.all([
      this.countBy('kind', businessUnit),
      this.countBy('environment', businessUnit),
      this.countBy('provider', businessUnit),
      this.scoped(businessUnit)
        .select('count(*)::int', 'total')
        .addSelect('max(f.registered_at)', 'asOf')
        .getRawOne<{ total: number; asOf: Date | null }>(),
    ]);
    return {
      totalIdentities: totals?.total ?? 0,
      byKind,
      byEnvironment,
      byProvider,
      asOf: totals?.asOf ?? new Date(0),
    };
  }

  private scoped(businessUnit?: string) {
    const query = this.dataSource.getRepository(IdentityFactEntity).createQueryBuilder('f');
    return businessUnit === undefined ? query : query.where('f.business_unit = :businessUnit', { businessUnit });
  }

  private countBy(column: keyof typeof GROUPABLE, businessUnit?: string): Promise<KeyCountModel[]> {
    return this.scoped(businessUnit)
      .select(`f.${GROUPABLE[column]}`, 'key')
      .addSelect('count(*)::int', 'count')
      .groupBy(`f.${GROUPABLE[column]}`)
      .orderBy('count', 'DESC')
      .addOrderBy('key', 'ASC')
      .getRawMany<KeyCountModel>();
  }
}
