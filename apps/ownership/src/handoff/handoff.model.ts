import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OwnerModel } from '../owner-data/owner.model';
import { IdentityOwnershipModel } from '../identity-data/identity.model';
import type { HandoffStatus as Status } from './handoff.entity';

export type HandoffStatus = Status;
export const HandoffStatus: { [K in Status]: K } = { REQUESTED: 'REQUESTED', COMPLETED: 'COMPLETED', DECLINED: 'DECLINED' };
registerEnumType(HandoffStatus, { name: 'HandoffStatus' });

@ObjectType('Handoff', { description: 'Identities moving to another owner; nothing moves before the receiver accepts.' })
export class HandoffModel {
  @Field(() => ID)
  id!: string;

  @Field(() => OwnerModel, { nullable: true })
  fromOwner?: OwnerModel | null;

  @Field(() => OwnerModel, { nullable: true })
  toOwner?: OwnerModel | null;

  @Field(() => String, { nullable: true })
  system!: string | null;

  @Field()
  reason!: string;

  @Field(() => HandoffStatus)
  status!: HandoffStatus;

  @Field(() => [IdentityOwnershipModel], {
    description: "The identities it lists (the gateway adds their inventory fields): all of them, which can be a whole team's.",
    deprecationReason: 'Use identitiesConnection, which pages them',
  })
  identities?: IdentityOwnershipModel[];

  @Field(() => Int, { nullable: true, description: 'After acceptance: how many moved (others had changed hands since the request).' })
  moved?: number | null;

  @Field()
  requestedBy!: string;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decisionNote!: string | null;

  fromOwnerId!: string | null;
  toOwnerId!: string;
}
