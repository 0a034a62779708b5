import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import { ownersLoader } from '../owners/owners.loader';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnersService } from '../owners/owners.service';
import { IdentityPages } from '../identity-pages/identity-pages';
import { OWNED_IDENTITY_ORDER_ARG, OwnedIdentityOrderInput } from '../identity-pages/identity-page-order.input';
import { OwnershipRecord, OwnershipRecords } from './ownership-records';
import { IdentityOwnershipModel } from '../identity-data/identity.model';
import { OwnershipChangeModel } from './ownership-change.model';
import { OwnershipIdentityConnectionModel } from '../identity-pages/ownership-identity-connection.model';
import { OwnershipService } from './ownership.service';
import { toOwnershipChange } from '../identity-ownership/ownership-change-row';
import { OwnerRole, OwnershipStatus } from '../identity-data/ownership-status';
import { withLegacyCodes } from '../refusals';

@CanRead()
@Resolver(() => IdentityOwnershipModel)
export class OwnershipResolver {
  constructor(
    private readonly ownership: OwnershipService,
    private readonly owners: OwnersService,
    private readonly pages: IdentityPages,
    private readonly records: OwnershipRecords,
  ) {}

  /** The gateway asks for many identities at once; the fields below load them in one query per request. */
  @ResolveReference()
  resolveReference(reference: { id: string }): IdentityOwnershipModel {
    return { id: reference.id };
  }

  @SecurityAdminOnly('assign an owner')
  @Mutation(() => IdentityOwnershipModel, {
    description:
      'Makes an owner the PRIMARY (accountable) or BACKUP owner of an identity, recorded with actor, reason and time. ' +
      'An identity has exactly one PRIMARY: replacing it needs replace: true.',
    deprecationReason: 'Use identityOwnerAssign(input:).',
  })
  async assignOwner(
    @Args('identityId', { type: () => ID, description: 'The identity.' }) identityId: string,
    @Args('ownerId', { type: () => ID, description: 'The owner to assign; must be active.' }) ownerId: string,
    @Args('role', { type: () => OwnerRole, defaultValue: 'PRIMARY', description: 'Which role the owner takes.' }) role: OwnerRole,
    @Args('reason', { type: () => String, nullable: true, description: 'Why; kept in the ownership history.' }) reason: string | null,
    @Args('replace', {
      type: () => Boolean,
      defaultValue: false,
      description: 'PRIMARY only: replace the current PRIMARY owner (refused without it). A BACKUP is replaced regardless.',
    })
    replace: boolean,
    @CurrentActor() actor: Actor,
  ): Promise<IdentityOwnershipModel> {
    const row = await withLegacyCodes(() => this.ownership.assignOwner({ identityId, ownerId, role, reason, replace }, actor));
    return { id: row.identityId };
  }

  @SecurityAdminOnly('unassign an owner')
  @Mutation(() => IdentityOwnershipModel, {
    description: 'Takes the PRIMARY or BACKUP owner off an identity, with a reason.',
    deprecationReason: 'Use identityOwnerUnassign(input:).',
  })
  async unassignOwner(
    @Args('identityId', { type: () => ID, description: 'The identity.' }) identityId: string,
    @Args('role', { type: () => OwnerRole, defaultValue: 'PRIMARY', description: 'Which role to empty.' }) role: OwnerRole,
    @Args('reason', { description: 'Why: required, at most 1,000 characters, kept in the ownership history.' }) reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<IdentityOwnershipModel> {
    const row = await withLegacyCodes(() => this.ownership.unassignOwner(identityId, role, reason, actor));
    return { id: row.identityId };
  }

  @Query(() => [OwnershipChangeModel], {
    description: 'Every change of who owns the identity, oldest first.',
    deprecationReason: 'Use NonHumanIdentity.ownershipHistory',
  })
  async ownershipHistory(
    @Args('identityId', { type: () => ID, description: 'The identity.' }) identityId: string,
  ): Promise<OwnershipChangeModel[]> {
    return (await this.ownership.history(identityId)).map(toOwnershipChange);
  }

  @Query(() => OwnershipIdentityConnectionModel, { description: 'Identities whose owner left and nobody took them (OWASP NHI1).' })
  orphanedIdentities(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
    @Args('orderBy', OWNED_IDENTITY_ORDER_ARG) orderBy: OwnedIdentityOrderInput | null,
  ): Promise<OwnershipIdentityConnectionModel> {
    return this.pages.page({ status: 'ORPHANED' }, first, after, {}, orderBy);
  }

  @Query(() => OwnershipIdentityConnectionModel, { description: 'Identities that never had an owner.' })
  unassignedIdentities(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
    @Args('orderBy', OWNED_IDENTITY_ORDER_ARG) orderBy: OwnedIdentityOrderInput | null,
  ): Promise<OwnershipIdentityConnectionModel> {
    return this.pages.page({ status: 'UNASSIGNED' }, first, after, {}, orderBy);
  }

  @ResolveField(() => OwnershipStatus, { nullable: true })
  async ownershipStatus(@Parent() identity: IdentityOwnershipModel, @Context() context: SubgraphContext): Promise<OwnershipStatus> {
    return (await this.record(context, identity.id))?.row.status ?? 'UNASSIGNED';
  }

  @ResolveField(() => Date, { nullable: true })
  async lastAttestation(@Parent() identity: IdentityOwnershipModel, @Context() context: SubgraphContext): Promise<Date | null> {
    return (await this.record(context, identity.id))?.row.lastAttestationAt ?? null;
  }

  @ResolveField(() => OwnerModel, { nullable: true })
  async owner(@Parent() identity: IdentityOwnershipModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> {
    return (await this.record(context, identity.id))?.owner ?? null;
  }

  @ResolveField(() => OwnerModel, {
    nullable: true,
    description: 'The BACKUP owner, who takes over when the primary leaves; null when none.',
  })
  async backupOwner(@Parent() identity: IdentityOwnershipModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> {
    return (await this.record(context, identity.id))?.backupOwner ?? null;
  }

  /** The identities' rows and owners, one statement per request; the owners also serve later owner lookups of the request. */
  private record(context: SubgraphContext, identityId: string): Promise<OwnershipRecord | null> {
    return requestLoader<string, OwnershipRecord | null>(context, 'ownership', async (ids) => {
      const records = await this.records.of(ids);
      const owners = ownersLoader(context, this.owners);
      for (const { owner, backupOwner } of records) for (const known of [owner, backupOwner]) if (known) owners.prime(known.id, known);
      return byKeys(
        ids,
        records,
        (record) => record.row.identityId,
        () => null,
      );
    }).load(identityId);
  }
}
