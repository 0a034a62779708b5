import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { IdentityOwnershipModel } from '../identity-data/identity.model';

@ObjectType('OwnershipIdentityEdge')
export class OwnershipIdentityEdgeModel {
  // Nullable (as Relay allows) so that an inventory outage costs the rows, not the whole page.
  @Field(() => IdentityOwnershipModel, {
    nullable: true,
    description:
      'The identity: the gateway adds inventory fields (name, kind ...). ' +
      'Null only when a non-null inventory field cannot be answered; a located error in `errors` says why.',
  })
  node!: IdentityOwnershipModel;

  @Field()
  cursor!: string;
}

/** Identities ownership lists (an owner's, the orphans, the unassigned): a Relay connection of NonHumanIdentity. */
@ObjectType('OwnershipIdentityConnection')
export class OwnershipIdentityConnectionModel {
  @Field(() => [OwnershipIdentityEdgeModel])
  edges!: OwnershipIdentityEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  /** Counted only when totalCount is asked for. */
  count!: () => Promise<number>;
}
