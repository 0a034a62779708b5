import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { IdentityWithLifecycleModel } from '../identity-data/identity-lifecycle.model';

@ObjectType('LifecycleIdentityEdge')
export class LifecycleIdentityEdgeModel {
  // Nullable (as Relay allows) so that an inventory outage costs the rows, not the whole page.
  @Field(() => IdentityWithLifecycleModel, {
    nullable: true,
    description:
      'The identity: the gateway adds inventory and ownership fields. ' +
      'Null only when a non-null inventory field cannot be answered; a located error in `errors` says why.',
  })
  node!: IdentityWithLifecycleModel;

  @Field()
  cursor!: string;
}

/** Identities in one rotation situation (due, overdue, failed), soonest due first. */
@ObjectType('LifecycleIdentityConnection')
export class LifecycleIdentityConnectionModel {
  @Field(() => [LifecycleIdentityEdgeModel])
  edges!: LifecycleIdentityEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  /** Counted only when totalCount is asked for. */
  count!: () => Promise<number>;
}
