import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { IdentityOwnershipModel } from '../identity-data/identity.model';

@ObjectType('OwnershipIdentityEdge', { description: 'One identity in an ownership list, with its cursor.' })
export class OwnershipIdentityEdgeModel {
  // Nullable (as Relay allows) so that an inventory outage costs the rows, not the whole page.
  @Field(() => IdentityOwnershipModel, {
    nullable: true,
    description:
      'The identity: the gateway adds inventory fields (name, kind ...). ' +
      'Null only when a non-null inventory field cannot be answered; a located error in `errors` says why.',
  })
  node!: IdentityOwnershipModel;

  @Field({ description: 'Pass as `after` to get the identities that follow this one.' })
  cursor!: string;
}

/** Identities ownership lists (an owner's, the orphans, the unassigned): a Relay connection of NonHumanIdentity. */
@ObjectType('OwnershipIdentityConnection', {
  description: "A page of identities from an ownership list (an owner's, the orphans, the unassigned), by identity id.",
})
export class OwnershipIdentityConnectionModel {
  @Field(() => [OwnershipIdentityEdgeModel], { description: 'The identities on this page, by identity id.' })
  edges!: OwnershipIdentityEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to reach them.' })
  pageInfo!: PageInfoModel;

  /** Counted only when totalCount is asked for. */
  count!: () => Promise<number>;
}
