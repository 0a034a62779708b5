import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AssignmentVia } from '@nhi/contracts';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnerRole } from '../identity-data/ownership-status';

export type OwnershipChangeKind = 'ASSIGNED' | 'UNASSIGNED' | 'ORPHANED';
export const OwnershipChangeKind: { [K in OwnershipChangeKind]: K } = {
  ASSIGNED: 'ASSIGNED',
  UNASSIGNED: 'UNASSIGNED',
  ORPHANED: 'ORPHANED',
};
registerEnumType(OwnershipChangeKind, {
  name: 'OwnershipChangeKind',
  description: 'What happened to the role.',
  valuesMap: {
    ASSIGNED: { description: 'An owner took the role.' },
    UNASSIGNED: { description: 'The owner was taken off the role; taking off the PRIMARY makes the identity UNASSIGNED.' },
    ORPHANED: { description: 'The PRIMARY owner left and nobody took the identity: it is ORPHANED.' },
  },
});

/** What made an assignment; stored in ownership_history and sent in nhi.ownership.assigned as these same strings. */
export const AssignmentViaEnum: { [K in AssignmentVia]: K } = {
  MANUAL: 'MANUAL',
  RULE: 'RULE',
  SUGGESTION: 'SUGGESTION',
  HANDOFF: 'HANDOFF',
  BACKUP_PROMOTED: 'BACKUP_PROMOTED',
  PARENT_TEAM: 'PARENT_TEAM',
  TEAM_MERGE: 'TEAM_MERGE',
};
registerEnumType(AssignmentViaEnum, {
  name: 'AssignmentVia',
  description: 'What made an assignment.',
  valuesMap: {
    MANUAL: { description: 'A person assigned the owner directly.' },
    RULE: { description: 'An ownership rule matched the identity and had a single owner to give.' },
    SUGGESTION: { description: 'A person accepted an ownership suggestion.' },
    HANDOFF: { description: 'A handoff moved the identity from a departing owner to its successor.' },
    BACKUP_PROMOTED: { description: 'The primary owner left and the backup owner became primary.' },
    PARENT_TEAM: { description: 'The primary owner left with no backup, and the parent team took the identity.' },
    TEAM_MERGE: { description: 'The owning team was merged into another team, which took the identity.' },
  },
});

@ObjectType('OwnershipChange', { description: 'One change of who owns an identity, as recorded (append-only).' })
export class OwnershipChangeModel {
  @Field(() => ID, { description: "The change's id." })
  id!: string;

  @Field(() => ID, { description: 'The identity whose ownership changed.' })
  identityId!: string;

  @Field(() => OwnerRole, { description: 'The role that changed.' })
  role!: OwnerRole;

  @Field(() => OwnershipChangeKind, { description: 'What happened to the role.' })
  change!: OwnershipChangeKind;

  @Field(() => OwnerModel, { nullable: true, description: 'Who holds the role after the change.' })
  owner?: OwnerModel | null;

  @Field(() => OwnerModel, { nullable: true, description: 'Who held it before.' })
  previousOwner?: OwnerModel | null;

  @Field(() => AssignmentViaEnum, { nullable: true, description: 'What made an assignment; null when the change is not one.' })
  via!: string | null;

  @Field({ description: 'Who made the change (the subject of their token).' })
  actor!: string;

  @Field(() => String, { nullable: true, description: 'Why the change was made, as recorded with it; null when none was given.' })
  reason!: string | null;

  @Field(() => Date, { description: 'When the change happened.' })
  at!: Date;

  ownerId!: string | null;
  previousOwnerId!: string | null;
}
