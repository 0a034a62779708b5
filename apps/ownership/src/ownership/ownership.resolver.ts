import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import { ownersLoader } from '../owners/owners.loader';
import { OwnerModel } from '../owners/owner.model';
import { IdentityOwnershipEntity } from './identity-ownership.entity';
import { IdentityOwnershipModel } from './identity.model';
import { OwnershipService } from './ownership.service';
import { OwnershipStatus } from './ownership-status';

@Resolver(() => IdentityOwnershipModel)
export class OwnershipResolver {
  constructor(private readonly ownership: OwnershipService) {}

  /** The gateway asks for many identities at once; the fields below load them in one query per request. */
  @ResolveReference()
  resolveReference(reference: { id: string }): IdentityOwnershipModel {
    return { id: reference.id };
  }

  @ResolveField(() => OwnershipStatus)
  async ownershipStatus(@Parent() identity: IdentityOwnershipModel, @Context() context: SubgraphContext): Promise<OwnershipStatus> {
    return (await this.record(context, identity.id))?.status ?? 'UNASSIGNED';
  }

  @ResolveField(() => Date, { nullable: true })
  async lastAttestation(@Parent() identity: IdentityOwnershipModel, @Context() context: SubgraphContext): Promise<Date | null> {
    return (await this.record(context, identity.id))?.lastAttestationAt ?? null;
  }

  @ResolveField(() => OwnerModel, { nullable: true })
  async owner(@Parent() identity: IdentityOwnershipModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> {
    const ownerId = (await this.record(context, identity.id))?.ownerId;
    return ownerId ? ownersLoader(context, this.ownership).load(ownerId) : null;
  }

  @ResolveField(() => OwnerModel, { nullable: true })
  async backupOwner(@Parent() identity: IdentityOwnershipModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> {
    const ownerId = (await this.record(context, identity.id))?.backupOwnerId;
    return ownerId ? ownersLoader(context, this.ownership).load(ownerId) : null;
  }

  private record(context: SubgraphContext, identityId: string): Promise<IdentityOwnershipEntity | null> {
    return requestLoader<string, IdentityOwnershipEntity | null>(context, 'ownership', async (ids) =>
      byKeys(
        ids,
        await this.ownership.ownershipOf(ids),
        (row) => row.identityId,
        () => null,
      ),
    ).load(identityId);
  }
}
