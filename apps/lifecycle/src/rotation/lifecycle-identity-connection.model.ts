import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { IdentityWithLifecycleModel } from '../identity-data/identity-lifecycle.model';

@ObjectType('LifecycleIdentityEdge')
export class LifecycleIdentityEdgeModel {
  @Field(() => IdentityWithLifecycleModel, { description: 'The identity: the gateway adds inventory and ownership fields.' })
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
