import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OwnerModel } from '../owner-data/owner.model';
import { IdentityOwnershipModel } from '../identity-data/identity.model';
import type { HandoffStatus as Status } from './handoff.entity';

export type HandoffStatus = Status;
export const HandoffStatus: { [K in Status]: K } = { REQUESTED: 'REQUESTED', COMPLETED: 'COMPLETED', DECLINED: 'DECLINED' };
registerEnumType(HandoffStatus, {
  name: 'HandoffStatus',
  description: 'Where a handoff stands.',
  valuesMap: {
    REQUESTED: { description: 'Waiting for the receiving owner to accept or decline; nothing has moved.' },
    COMPLETED: { description: 'Accepted: the listed identities that had not changed hands since moved.' },
    DECLINED: { description: 'Declined by the receiving owner; nothing moved.' },
  },
});

@ObjectType('Handoff', { description: 'Identities moving to another owner; nothing moves before the receiver accepts.' })
export class HandoffModel {
  @Field(() => ID, { description: "The handoff's id." })
  id!: string;

  @Field(() => OwnerModel, {
    nullable: true,
    description: 'The owner whose PRIMARY identities were chosen; null when chosen by system only.',
  })
  fromOwner?: OwnerModel | null;

  @Field(() => OwnerModel, { nullable: true, description: 'The owner who receives them.' })
  toOwner?: OwnerModel | null;

  @Field(() => String, { nullable: true, description: 'The system whose identities were chosen; null when chosen by owner only.' })
  system!: string | null;

  @Field({ description: 'Why these identities move; shown to the receiver and kept in their ownership history.' })
  reason!: string;

  @Field(() => HandoffStatus, { description: 'Where it stands.' })
  status!: HandoffStatus;

  @Field(() => [IdentityOwnershipModel], {
    description: "The identities it lists (the gateway adds their inventory fields): all of them, which can be a whole team's.",
    deprecationReason: 'Use identitiesConnection, which pages them',
  })
  identities?: IdentityOwnershipModel[];

  @Field(() => Int, { nullable: true, description: 'After acceptance: how many moved (others had changed hands since the request).' })
  moved?: number | null;

  @Field({ description: 'Who asked for it (the subject of their token).' })
  requestedBy!: string;

  @Field(() => Date, { description: 'When it was asked for.' })
  requestedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who accepted or declined it (the subject of their token); null while REQUESTED.' })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted or declined; null while REQUESTED.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The receiver's note on declining; null otherwise." })
  decisionNote!: string | null;

  fromOwnerId!: string | null;
  toOwnerId!: string;
}
