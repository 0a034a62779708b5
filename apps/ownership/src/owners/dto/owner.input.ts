import { Field, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { OwnerKind } from '../../owner-data/owner-kind';

@InputType('OwnerInput', { description: 'A team or a person, keyed by its reference in the directory it comes from.' })
export class OwnerInput {
  @Field({ description: 'Stable reference in the source directory, e.g. "team-payments" or an employee id.' })
  @Allow()
  externalRef!: string;

  @Field(() => OwnerKind, { description: 'TEAM or PERSON; it cannot change once the owner exists.' })
  @Allow()
  kind!: OwnerKind;

  @Field({ description: 'Display name: required, up to 200 characters.' })
  @Allow()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Contact address for notices about its identities.' })
  @Allow()
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'The business unit it belongs to, for scoping reviews and queues.' })
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
