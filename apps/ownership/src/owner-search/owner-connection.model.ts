import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { OwnerModel } from '../owner-data/owner.model';

@ObjectType('OwnerEdge')
export class OwnerEdgeModel {
  @Field(() => OwnerModel)
  node!: OwnerModel;

  @Field()
  cursor!: string;
}

/** A page of owners from `owners(search:)`: a Relay connection, ordered by name. */
@ObjectType('OwnerConnection', { description: 'A page of owners, ordered by name (case-insensitive), then id.' })
export class OwnerConnectionModel {
  @Field(() => [OwnerEdgeModel])
  edges!: OwnerEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  /** Counted only when totalCount is asked for. */
  count!: () => Promise<number>;
}
