import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { OwnershipChangeModel } from '../ownership/ownership-change.model';

@ObjectType('OwnershipChangeEdge')
export class OwnershipChangeEdgeModel {
  @Field(() => OwnershipChangeModel)
  node!: OwnershipChangeModel;

  @Field()
  cursor!: string;
}

@ObjectType('OwnershipChangeConnection', { description: "A page of an identity's ownership changes, oldest first." })
export class OwnershipChangeConnectionModel {
  @Field(() => [OwnershipChangeEdgeModel])
  edges!: OwnershipChangeEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  /** Counted only when totalCount is asked for, for every identity of the request at once. */
  count!: () => Promise<number>;
}
