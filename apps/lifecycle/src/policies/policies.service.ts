import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan, Not, In } from 'typeorm';
import { NHI_KINDS, timeOrderedUuid } from '@nhi/contracts';
import { GraphQLError } from 'graphql';
import { badInput, notFound } from '@nhi/graphql';
import { UUID } from '../mass-actions/mass-selection';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { nextRotationDue } from '../identity-data/rotation-schedule';
import type { RotationPolicyInput } from './dto/rotation-policy.input';
import { choosePolicy } from './policy-selection';
import { RotationPolicyEntity } from './rotation-policy.entity';

const BATCH = 1000;
// The contract's list, OTHER included: a policy may select the identities whose kind no source word explained.
const KINDS: string[] = [...NHI_KINDS];
const ENVIRONMENTS = ['PRODUCTION', 'STAGING', 'DEVELOPMENT', 'TEST', 'UNKNOWN'];
const PRIVILEGES = ['LOW', 'MEDIUM', 'HIGH', 'ADMIN'];

/** Values of one selector, checked against a vocabulary when there is one; a refusal points at the first unknown value, never quoting it. */
function selector(values: string[] | null | undefined, field: string, vocabulary?: string[]): string[] {
  const given = values ?? [];
  if (vocabulary) {
    const unknown = given.findIndex((v) => v.trim() !== '' && !vocabulary.includes(v.trim().toUpperCase()));
    if (unknown >= 0) throw badInput(`${field}[${unknown}] is not known; expected one of ${vocabulary.join(', ')}`, `${field}.${unknown}`);
  }
  const cleaned = [...new Set(given.map((v) => v.trim()).filter(Boolean))];
  return vocabulary ? cleaned.map((v) => v.toUpperCase()) : cleaned.map((v) => v.toLowerCase());
}

/** No policy has this id (a NOT_FOUND refusal on the input's id; the id is not repeated). */
function noSuchPolicy(): GraphQLError {
  return notFound('no rotation policy has that id; rotationPolicies lists them', 'id');
}

/** Rotation policies, and keeping every identity on the policy that applies to it. */
@Injectable()
export class PoliciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsert(input: RotationPolicyInput): Promise<RotationPolicyEntity> {
    const name = input.name.trim();
    if (!name) throw badInput('name is required', 'name');
    for (const [field, value, min] of [
      ['maxAgeDays', input.maxAgeDays, 1],
      ['warnDays', input.warnDays, 0],
      ['deadlineMinutes', input.deadlineMinutes, 1],
      ['maxAttempts', input.maxAttempts, 1],
    ] as const) {
      if (!Number.isInteger(value) || value < min) throw badInput(`${field} must be a whole number of at least ${min}`, field);
    }
    if (input.warnDays >= input.maxAgeDays) throw badInput('warnDays must be less than maxAgeDays', 'warnDays');
    const selectors = {
      kinds: selector(input.kind, 'kind', KINDS),
      environments: selector(input.environment, 'environment', ENVIRONMENTS),
      privilegeLevels: selector(input.privilegeLevel, 'privilegeLevel', PRIVILEGES),
      providers: selector(input.provider, 'provider'),
      businessUnits: input.businessUnit?.map((v) => v.trim()).filter(Boolean) ?? [],
    };
    return this.dataSource.transaction(async (manager) => {
      const policies = manager.getRepository(RotationPolicyEntity);
      const existing = await policies.findOne({ where: { name }, lock: { mode: 'pessimistic_write' } });
      if (existing?.isDefault && Object.values(selectors).some((values) => values.length > 0)) {
        throw badInput('the default policy selects every identity; give this policy another name to select some', 'name');
      }
      const policy = existing ?? policies.create({ id: timeOrderedUuid(), name, isDefault: false });
      Object.assign(policy, {
        ...selectors,
        maxAgeDays: input.maxAgeDays,
        warnDays: input.warnDays,
        autoRotate: input.autoRotate,
        deadlineMinutes: input.deadlineMinutes,
        maxAttempts: input.maxAttempts,
        priority: input.priority,
      });
      await policies.save(policy);
      await this.reassign(manager);
      return policy;
    });
  }

  async delete(id: string): Promise<boolean> {
    await this.remove(id);
    return true;
  }

  /** Deletes a policy and returns it as it was; its identities move to the policy that applies next. */
  async remove(id: string): Promise<RotationPolicyEntity> {
    // Policy ids are UUIDs: anything else names no policy, and must not reach the uuid column as a cast error.
    if (!UUID.test(id)) throw noSuchPolicy();
    return this.dataSource.transaction(async (manager) => {
      const policy = await manager.getRepository(RotationPolicyEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!policy) throw noSuchPolicy();
      if (policy.isDefault) throw badInput('the default policy cannot be deleted; update it instead', 'id');
      await manager.getRepository(IdentityLifecycleEntity).update({ policyId: policy.id }, { policyId: null });
      await manager.getRepository(RotationPolicyEntity).delete({ id: policy.id });
      await this.reassign(manager);
      return policy;
    });
  }

  /** Policies by id, or every one; highest priority first. */
  list(ids?: readonly string[]): Promise<RotationPolicyEntity[]> {
    return this.dataSource
      .getRepository(RotationPolicyEntity)
      .find({ where: ids ? { id: In([...ids]) } : {}, order: { priority: 'DESC', name: 'ASC' } });
  }

  /**
   * After policies change, every identity takes the policy that now applies to
   * it and its due date follows. Identities in a handshake or revoked keep their state.
   */
  private async reassign(manager: EntityManager, now = new Date()): Promise<void> {
    const policies = await manager.getRepository(RotationPolicyEntity).find();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const identities = await manager.getRepository(IdentityLifecycleEntity).find({
        where: { identityId: MoreThan(after), state: Not(In(['REVOKED'])) },
        order: { identityId: 'ASC' },
        take: BATCH,
      });
      for (const identity of identities) {
        const policy = choosePolicy(policies, identity);
        if (!policy) continue;
        const due = nextRotationDue({
          lastRotatedAt: identity.lastRotatedAt,
          credentialCreatedAt: identity.credentialCreatedAt,
          registeredAt: identity.registeredAt,
          maxAgeDays: policy.maxAgeDays,
        });
        if (identity.policyId === policy.id && identity.nextRotationDueAt?.getTime() === due.getTime()) continue;
        // No longer due under the new policy: back to ACTIVE. Newly due: the due clock announces it.
        const state = identity.state === 'ROTATION_DUE' && due > now ? 'ACTIVE' : identity.state;
        await manager
          .getRepository(IdentityLifecycleEntity)
          .update({ identityId: identity.identityId }, { policyId: policy.id, nextRotationDueAt: due, state });
      }
      const last = identities.at(-1);
      if (!last || identities.length < BATCH) return;
      after = last.identityId;
    }
  }
}
