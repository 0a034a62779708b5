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

  @Field(() => OwnerModel, { nullable: true, description: 'The BACKUP owner, who takes over when the primary leaves; null when none.' })
  backupOwner?: OwnerModel | null;

  // Nullable so that an ownership outage costs the page its owner column, not the whole page.
  @Field(() => OwnershipStatus, {
    nullable: true,
    description: 'Whether it has an accountable owner. Null only when ownership cannot answer; a located error in `errors` says why.',
  })
  ownershipStatus?: OwnershipStatus | null;

  @Field(() => Date, { nullable: true, description: 'When an owner last confirmed this identity.' })
  lastAttestation?: Date | null;
}
