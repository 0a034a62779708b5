import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ListSize } from '@nhi/graphql';
import { MAX_MASS_ACTION } from '../mass-actions/mass-selection';
import { IdentityWithLifecycleModel } from '../identity-data/identity-lifecycle.model';

@ObjectType('RevocationPlan', { description: 'What a bulk revocation with this selector would touch; nothing is requested.' })
export class RevocationPlanModel {
  @Field(() => ID, {
    nullable: true,
    description:
      'Set once the plan is saved (saveRevocationPlan): IdentitySelection.revocationPlanId then revokes exactly these identities.',
  })
  id?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the plan was saved.' })
  plannedAt?: Date | null;

  @Field(() => Int, { description: 'Identities a revocation would be requested for.' })
  toRevoke!: number;

  @Field(() => Int, {
    description: 'Matching identities it would skip: already revoked or being revoked, or kept by an approved REVOCATION exception.',
  })
  skipped!: number;

  // Its true bound, so that the gateway's cost check sees what asking for all of them means.
  @ListSize(MAX_MASS_ACTION)
  @Field(() => [IdentityWithLifecycleModel], {
    description: 'The identities it would request revocations for (the gateway adds their inventory fields): all of them, up to 100,000.',
    deprecationReason: 'Use identitiesConnection, which pages them',
  })
  identities!: IdentityWithLifecycleModel[];
}

@ObjectType('BulkRevocationResult', { description: 'What a bulk revocation asked for.' })
export class BulkRevocationResultModel {
  @Field(() => Int, { description: 'Identities a revocation was requested for.' })
  requested!: number;

  @Field(() => Int, { description: 'Already revoked or being revoked, or kept by an approved REVOCATION exception.' })
  skipped!: number;
}

/** A plan as the graph shows it; `saved` when it was kept. */
export function planModel(plan: { toRevoke: string[]; skipped: number }, saved?: { id: string; plannedAt: Date }): RevocationPlanModel {
  return {
    id: saved?.id ?? null,
    plannedAt: saved?.plannedAt ?? null,
    toRevoke: plan.toRevoke.length,
    skipped: plan.skipped,
    identities: plan.toRevoke.map((id) => ({ id })),
  };
}
