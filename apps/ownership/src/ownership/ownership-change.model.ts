import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnerRole } from '../identity-data/ownership-status';

export type OwnershipChangeKind = 'ASSIGNED' | 'UNASSIGNED' | 'ORPHANED';
export const OwnershipChangeKind: { [K in OwnershipChangeKind]: K } = {
  ASSIGNED: 'ASSIGNED',
  UNASSIGNED: 'UNASSIGNED',
  ORPHANED: 'ORPHANED',
};
registerEnumType(OwnershipChangeKind, { name: 'OwnershipChangeKind' });

@ObjectType('OwnershipChange', { description: 'One change of who owns an identity, as recorded (append-only).' })
export class OwnershipChangeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  identityId!: string;

  @Field(() => OwnerRole)
  role!: OwnerRole;

  @Field(() => OwnershipChangeKind)
  change!: OwnershipChangeKind;

  @Field(() => OwnerModel, { nullable: true, description: 'Who holds the role after the change.' })
  owner?: OwnerModel | null;

  @Field(() => OwnerModel, { nullable: true, description: 'Who held it before.' })
  previousOwner?: OwnerModel | null;

  @Field(() => String, {
    nullable: true,
    description: 'What made an assignment: MANUAL, RULE, SUGGESTION, HANDOFF, BACKUP_PROMOTED, PARENT_TEAM.',
  })
  via!: string | null;

  @Field({ description: 'Who made the change (the subject of their token).' })
  actor!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Date)
  at!: Date;

  ownerId!: string | null;
  previousOwnerId!: string | null;
}
