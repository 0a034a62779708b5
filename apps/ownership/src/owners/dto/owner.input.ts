import { Field, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { OwnerKind } from '../../owner-data/owner-kind';

@InputType('OwnerInput', { description: 'A team or a person, keyed by its reference in the directory it comes from.' })
export class OwnerInput {
  @Field({ description: 'Stable reference in the source directory, e.g. "team-payments" or an employee id.' })
  @Allow()
  externalRef!: string;

  @Field(() => OwnerKind)
  @Allow()
  kind!: OwnerKind;

  @Field()
  @Allow()
  name!: string;

  @Field(() => String, { nullable: true })
  @Allow()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @Allow()
  businessUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'externalRef of the team this owner belongs to.' })
  @Allow()
  parentRef?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false deactivates the owner: its identities go to their backup, parent team, or become orphans.',
  })
  @Allow()
  active?: boolean | null;
}
