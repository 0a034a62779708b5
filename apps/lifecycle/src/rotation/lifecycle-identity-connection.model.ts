import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { IdentityWithLifecycleModel } from '../identity-data/identity-lifecycle.model';

@ObjectType('LifecycleIdentityEdge', { description: 'One identity in a rotation list, with its cursor.' })
export class LifecycleIdentityEdgeModel {
  // Nullable (as Relay allows) so that an inventory outage costs the rows, not the whole page.
  @Field(() => IdentityWithLifecycleModel, {
    nullable: true,
    description:
      'The identity: the gateway adds inventory and ownership fields. ' +
      'Null only when a non-null inventory field cannot be answered; a located error in `errors` says why.',
  })
  node!: IdentityWithLifecycleModel;

  @Field({ description: 'Pass as `after` to get the identities that follow this one.' })
  cursor!: string;
}

/** Identities in one rotation situation (due, overdue, failed), soonest due first. */
@ObjectType('LifecycleIdentityConnection', {
  description: 'A page of identities in one rotation list, soonest due first (ties by identity id).',
})
export class LifecycleIdentityConnectionModel {
  @Field(() => [LifecycleIdentityEdgeModel], { description: 'The identities on this page, soonest due first.' })
  edges!: LifecycleIdentityEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to reach them.' })
  pageInfo!: PageInfoModel;

  /** Counted only when totalCount is asked for. */
  count!: () => Promise<number>;
}
