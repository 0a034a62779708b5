import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { IdentityDiscoveredData } from '@nhi/contracts';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { nextRotationDue } from '../identity-data/rotation-schedule';
import { PoliciesService } from '../policies/policies.service';
import { RevocationRequestEntity } from '../requests/revocation-request.entity';
import { RotationRequestEntity } from '../requests/rotation-request.entity';

@Injectable()
export class LifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policiesService: PoliciesService,
  ) {}

  /** Starts tracking a newly discovered identity under the policy that applies to it. */
  async track(manager: EntityManager, { identity, discoveredAt }: IdentityDiscoveredData): Promise<void> {
    const policy = await this.policiesService.policyFor(manager, identity);
    const credentialCreatedAt = identity.createdAt ? new Date(identity.createdAt) : null;
    const due = nextRotationDue({
      lastRotatedAt: null,
      credentialCreatedAt,
      registeredAt: new Date(discoveredAt),
      maxAgeDays: policy.maxAgeDays,
    });
    await manager
      .createQueryBuilder()
      .insert()
      .into(IdentityLifecycleEntity)
      .values({
        identityId: identity.id,
        kind: identity.kind,
        provider: identity.provider,
        externalId: identity.externalId,
        environment: identity.environment,
        privilegeLevel: identity.privilegeLevel,
        // ACTIVE even when already due: the due clock moves it on, announcing it (and auto-rotating) in one place.
        state: 'ACTIVE',
        credentialCreatedAt,
        lastRotatedAt: null,
        nextRotationDueAt: due,
        credentialFingerprint: identity.credentialFingerprint,
        credentials: identity.credentials ?? [],
        businessUnit: identity.businessUnit,
        system: identity.system,
        registeredAt: new Date(discoveredAt),
        expiresAt: identity.expiresAt ? new Date(identity.expiresAt) : null,
        policyId: policy.id,
      })
      .orIgnore()
      .execute();
  }

  lifecycles(identityIds: readonly string[]): Promise<IdentityLifecycleEntity[]> {
    return this.dataSource.getRepository(IdentityLifecycleEntity).find({ where: { identityId: In([...identityIds]) } });
  }

  /** The latest rotation requests of many identities in one query. */
  rotations(identityIds: readonly string[], perIdentity: number): Promise<RotationRequestEntity[]> {
    // The newest n per identity in one pass over the identity index (a count of newer rows per row was quadratic).
    return this.dataSource
      .getRepository(RotationRequestEntity)
      .createQueryBuilder('r')
      .where(
        `r.id IN (SELECT id FROM (
           SELECT id, row_number() OVER (PARTITION BY identity_id ORDER BY requested_at DESC, id DESC) AS n
           FROM rotation_requests WHERE identity_id = ANY(:ids)) newest WHERE n <= :n)`,
        { ids: [...identityIds], n: perIdentity },
      )
      .orderBy('r.requested_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getMany();
  }

  latestRevocations(identityIds: readonly string[]): Promise<RevocationRequestEntity[]> {
    return this.dataSource
      .getRepository(RevocationRequestEntity)
      .createQueryBuilder('r')
      .distinctOn(['r.identity_id'])
      .where('r.identity_id IN (:...ids)', { ids: [...identityIds] })
      .orderBy('r.identity_id')
      .addOrderBy('r.requested_at', 'DESC')
      .getMany();
  }
}
