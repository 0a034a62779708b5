import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { IdentityModel } from './identity.model';

@ObjectType('IdentityEdge')
export class IdentityEdgeModel {
  @Field(() => IdentityModel)
  node!: IdentityModel;

  @Field()
  cursor!: string;
}

@ObjectType('IdentityConnection')
export class IdentityConnectionModel {
  @Field(() => [IdentityEdgeModel])
  edges!: IdentityEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  /** Counts the whole result; run only when totalCount is asked for, as counting a large estate costs more than a page. */
  count!: () => Promise<number>;
}
