import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { OwnerModel } from '../owner-data/owner.model';

@ObjectType('OwnerEdge', { description: 'One owner in a page, with its cursor.' })
export class OwnerEdgeModel {
  @Field(() => OwnerModel, { description: 'The owner.' })
  node!: OwnerModel;

  @Field({ description: 'Pass as `after` to get the owners that follow this one.' })
  cursor!: string;
}

/** A page of owners from `owners(search:)`: a Relay connection, ordered by name. */
@ObjectType('OwnerConnection', { description: 'A page of owners, ordered by name (case-insensitive), then id.' })
export class OwnerConnectionModel {
  @Field(() => [OwnerEdgeModel], { description: 'The owners on this page, by name.' })
  edges!: OwnerEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to reach them.' })
  pageInfo!: PageInfoModel;

  /** Counted only when totalCount is asked for. */
  count!: () => Promise<number>;
}
