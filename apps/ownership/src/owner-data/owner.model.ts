import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { OwnerKind } from './owner-kind';

@ObjectType('Owner', { description: 'A team or a person accountable for non-human identities.' })
@Directive('@key(fields: "id")')
export class OwnerModel {
  @Field(() => ID, { description: "The owner's platform id." })
  id!: string;

  @Field(() => OwnerKind, { description: 'Team or person.' })
  kind!: OwnerKind;

  @Field({ description: 'The reference of the owner in the directory it comes from.' })
  externalRef!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Contact address for notices about its identities; null when none is known.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'The business unit it belongs to; null when none is known.' })
  businessUnit!: string | null;

  @Field({ description: 'False once deactivated (left): it can no longer be assigned.' })
  active!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the owner left; its identities went to their backup, parent team, or became orphans.',
  })
  deactivatedAt!: Date | null;

  parentId!: string | null;
}
