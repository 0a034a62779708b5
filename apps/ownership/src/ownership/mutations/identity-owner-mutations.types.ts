import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MutationInput, MutationPayload } from '@nhi/graphql';
import { IdentityOwnershipModel } from '../../identity-data/identity.model';
import { OwnerRole } from '../../identity-data/ownership-status';

@InputType('IdentityOwnerAssignInput', {
  description: 'Makes an owner the PRIMARY (accountable) or BACKUP owner of an identity.',
})
export class IdentityOwnerAssignInput extends MutationInput {
  @Field(() => ID, { description: 'The identity to give an owner.' })
  @Allow()
  identityId!: string;

  @Field(() => ID, { description: 'The owner (team or person) to assign: an active one.' })
  @Allow()
  ownerId!: string;

  @Field(() => OwnerRole, {
    defaultValue: 'PRIMARY',
    description: 'PRIMARY (the one accountable owner) or BACKUP (takes over when the primary leaves); a BACKUP must be someone else.',
  })
  @Allow()
  role!: OwnerRole;

  @Field(() => String, { nullable: true, description: 'Why this owner: kept in the ownership history and the event.' })
  @Allow()
  reason?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Replace the PRIMARY owner the identity already has; without it that is refused (CONFLICT on ["role"]).',
  })
  @Allow()
  replace!: boolean;
}

@InputType('IdentityOwnerUnassignInput', { description: 'Takes the PRIMARY or BACKUP owner off an identity.' })
export class IdentityOwnerUnassignInput extends MutationInput {
  @Field(() => ID, { description: 'The identity to take the owner off.' })
  @Allow()
  identityId!: string;

  @Field(() => OwnerRole, { defaultValue: 'PRIMARY', description: 'Which seat to empty: PRIMARY leaves the identity UNASSIGNED.' })
  @Allow()
  role!: OwnerRole;

  @Field({
    description: 'Why the identity loses its owner: required, at most 1,000 characters, kept in the ownership history and the event.',
  })
  @Allow()
  reason!: string;
}

@ObjectType('IdentityOwnerPayload', { description: 'The outcome of identityOwnerAssign and identityOwnerUnassign.' })
export class IdentityOwnerPayload extends MutationPayload {
  @Field(() => IdentityOwnershipModel, {
    nullable: true,
    description: 'The identity with its owners as they are now (the gateway adds inventory fields). Null when refused.',
  })
  identity!: IdentityOwnershipModel | null;
}
