import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { OwnerKind } from './owner-kind';

@ObjectType('Owner', { description: 'A team or a person accountable for non-human identities.' })
@Directive('@key(fields: "id")')
export class OwnerModel {
  @Field(() => ID)
  id!: string;

  @Field(() => OwnerKind)
  kind!: OwnerKind;

  @Field({ description: 'The reference of the owner in the directory it comes from.' })
  externalRef!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  businessUnit!: string | null;

  @Field()
  active!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the owner left; its identities went to their backup, parent team, or became orphans.',
  })
  deactivatedAt!: Date | null;

  parentId!: string | null;
}
