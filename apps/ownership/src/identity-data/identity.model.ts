import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnershipStatus } from './ownership-status';

/** Ownership's part of NonHumanIdentity: who is accountable for it. */
@ObjectType('NonHumanIdentity')
@Directive('@key(fields: "id")')
export class IdentityOwnershipModel {
  @Field(() => ID)
  id!: string;

  @Field(() => OwnerModel, { nullable: true, description: 'The one accountable owner.' })
  owner?: OwnerModel | null;

  @Field(() => OwnerModel, { nullable: true })
  backupOwner?: OwnerModel | null;

  @Field(() => OwnershipStatus)
  ownershipStatus?: OwnershipStatus;

  @Field(() => Date, { nullable: true, description: 'When an owner last confirmed this identity.' })
  lastAttestation?: Date | null;
}
