import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { OwnershipChangeModel } from '../ownership/ownership-change.model';

@ObjectType('OwnershipChangeEdge', { description: 'One ownership change in a page, with its cursor.' })
export class OwnershipChangeEdgeModel {
  @Field(() => OwnershipChangeModel, { description: 'The change.' })
  node!: OwnershipChangeModel;

  @Field({ description: 'Pass as `after` to get the changes that follow this one.' })
  cursor!: string;
}

@ObjectType('OwnershipChangeConnection', { description: "A page of an identity's ownership changes, oldest first." })
export class OwnershipChangeConnectionModel {
  @Field(() => [OwnershipChangeEdgeModel], { description: 'The changes on this page, oldest first.' })
  edges!: OwnershipChangeEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to reach them.' })
  pageInfo!: PageInfoModel;

  /** Counted only when totalCount is asked for, for every identity of the request at once. */
  count!: () => Promise<number>;
}
