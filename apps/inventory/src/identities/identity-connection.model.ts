import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { IdentityModel } from './identity.model';

@ObjectType('IdentityEdge', { description: 'One identity in a page, with its cursor.' })
export class IdentityEdgeModel {
  @Field(() => IdentityModel, { description: 'The identity.' })
  node!: IdentityModel;

  @Field({ description: 'Pass as `after` to get the identities that follow this one.' })
  cursor!: string;
}

@ObjectType('IdentityConnection', { description: 'A page of identities.' })
export class IdentityConnectionModel {
  @Field(() => [IdentityEdgeModel], { description: 'The identities on this page, in the requested order.' })
  edges!: IdentityEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to reach them.' })
  pageInfo!: PageInfoModel;

  /** Counts the whole result; run only when totalCount is asked for, as counting a large estate costs more than a page. */
  count!: () => Promise<number>;
}
