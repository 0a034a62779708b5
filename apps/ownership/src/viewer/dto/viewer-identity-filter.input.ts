import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { IdentityEnvironment, IdentityKind, TagFilterInput } from '@nhi/graphql';
import { OwnerRole } from '../../identity-data/ownership-status';

const list = (what: string) => ({ nullable: true, description: `Only identities ${what}; null or empty for all.` });

/** The "my identities" page's filter panel, over what ownership learnt of each identity from inventory. */
@InputType('ViewerIdentityFilter', {
  description:
    "Narrows viewer.identities: fields combine with AND, the values of a list with OR. Attributes are inventory's as ownership last heard them (within seconds).",
})
export class ViewerIdentityFilterInput {
  @Field(() => OwnerRole, { nullable: true, description: 'Only identities the viewer holds in this role; both roles when null.' })
  @Allow()
  role?: OwnerRole | null;

  @Field(() => [ID], list("held through these of the viewer's owners (an id that is not one of them matches nothing)"))
  @Allow()
  ownerId?: string[] | null;

  @Field(() => [IdentityKind], list('of these kinds'))
  @Allow()
  kind?: string[] | null;

  @Field(() => [IdentityEnvironment], list('in these environments'))
  @Allow()
  environment?: string[] | null;

  @Field(() => [String], list('of these providers (canonical names, as Identity.provider gives them)'))
  @Allow()
  provider?: string[] | null;

  @Field(() => [TagFilterInput], {
    nullable: true,
    description: 'Only identities carrying every one of these tags (a key alone matches any value); null or empty for all.',
  })
  @Allow()
  tags?: TagFilterInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words that must each occur, case-insensitively, in the name or the externalId.',
  })
  @Allow()
  search?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Only identities not attested since this time (never attested included): the ones an attestation is due for.',
  })
  @Allow()
  notAttestedSince?: Date | null;
}
