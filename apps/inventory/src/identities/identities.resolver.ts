import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { groupByKeys, requestLoader, SubgraphContext, ListSize } from '@nhi/graphql';
import { FindingModel } from '../findings/finding.model';
import { FindingsService } from '../findings/findings.service';
import { IdentityFilterInput, IdentityOrderInput } from './dto/identity-filter.input';
import { IdentitiesService } from './identities.service';
import { IdentityConnectionModel } from './identity-connection.model';
import { IdentityEntity } from '../identity-data/identity.entity';
import { IdentityModel, SightingModel, TagModel } from './identity.model';
import { describePermissions } from '../classification/privilege-of';
import { CredentialModel, credentialModel } from './credential.model';
import { PrivilegeModel } from './privilege.model';
import { detailOf } from './identity-details';
import { identityLoader } from './identity-loader';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@CanRead()
@Resolver(() => IdentityModel)
export class IdentitiesResolver {
  constructor(
    private readonly service: IdentitiesService,
    private readonly findingsService: FindingsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => IdentityModel, { nullable: true, description: 'One identity by its platform id.' })
  identity(
    @Args('id', { type: () => ID, description: "The identity's platform id." }) id: string,
    @Context() context: SubgraphContext,
  ): Promise<IdentityModel | null> {
    return this.byId(context).load(id);
  }

  @Query(() => IdentityModel, { nullable: true, description: 'One identity by its natural key; provider aliases are accepted.' })
  identityByExternalId(
    @Args('provider', { description: 'The provider, canonical (aws) or an alias ("Amazon Web Services").' }) provider: string,
    @Args('externalId', { description: "The provider's own identifier." }) externalId: string,
  ): Promise<IdentityModel | null> {
    return this.service.findByNaturalKey(provider, externalId);
  }

  @Query(() => IdentityConnectionModel, { description: 'The inventory, filtered and ordered, one page at a time.' })
  identities(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50, description: 'Page size, 1 to 500.' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
    @Args('filter', { type: () => IdentityFilterInput, nullable: true, description: 'Which identities; null for all.' })
    filter: IdentityFilterInput | null,
    @Args('orderBy', { type: () => IdentityOrderInput, nullable: true, description: 'Sort order; null for NAME ascending. Ties go by id.' })
    orderBy: IdentityOrderInput | null,
  ): Promise<IdentityConnectionModel> {
    return this.service.page(first, after, filter ?? undefined, orderBy ?? undefined);
  }

  @SecurityAdminOnly('decommission an identity')
  @Mutation(() => IdentityModel, {
    description: 'Takes an identity out of use, with a reason; recorded with who did it.',
    deprecationReason: 'Use identityDecommission(input:).',
  })
  decommissionIdentity(
    @Args('id', { type: () => ID, description: "The identity's platform id." }) id: string,
    @Args('reason', { description: 'Why it is decommissioned: required, at most 1000 characters, no secret material.' }) reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<IdentityModel> {
    return this.service.decommission(id, reason, actor);
  }

  @ResolveField(() => [TagModel], { description: 'Its tags, by key.' })
  tags(@Parent() identity: IdentityEntity): TagModel[] {
    return Object.entries(identity.tags ?? {})
      .map(([key, value]) => ({ key, value }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  @ResolveField(() => [CredentialModel], {
    description: 'The credentials it holds (keys, secrets, certificates, passwords); none for roles.',
  })
  async credentials(@Parent() identity: IdentityEntity, @Context() context: SubgraphContext): Promise<CredentialModel[]> {
    return ((await detailOf(identity, 'credentials', context, this.dataSource)) ?? []).map(credentialModel);
  }

  @ResolveField(() => PrivilegeModel, {
    nullable: true,
    description: 'Its privilege level with the reasons; null when nothing is known of its permissions.',
  })
  privilege(@Parent() identity: IdentityEntity): PrivilegeModel | null {
    // The reasons are a detail, loaded only when asked for (PrivilegeResolver).
    return identity.privilegeLevel ? { identityId: identity.id, level: identity.privilegeLevel, reasons: identity.privilegeReasons } : null;
  }

  @ResolveField(() => [String], { description: 'Its permissions as a reviewer reads them, one statement a line (at most 200 lines).' })
  async permissions(@Parent() identity: IdentityEntity, @Context() context: SubgraphContext): Promise<string[]> {
    return describePermissions((await detailOf(identity, 'permissions', context, this.dataSource)) ?? []);
  }

  @ResolveField(() => [SightingModel], { description: 'The sources that reported it, the latest sighting first.' })
  sightings(@Parent() identity: IdentityModel, @Context() context: SubgraphContext): Promise<SightingModel[]> {
    return requestLoader<string, SightingModel[]>(context, 'sightings', async (ids) => {
      const rows = await this.service.sightingsOf(ids);
      return groupByKeys(ids, rows, (row) => row.identityId);
    }).load(identity.id);
  }

  // The rules raise at most one finding per code, and there are ten codes.
  @ListSize(10)
  @ResolveField(() => [FindingModel], { description: 'Open findings, newest first; closed ones too with includeClosed.' })
  findings(
    @Parent() identity: IdentityModel,
    @Context() context: SubgraphContext,
    @Args('includeClosed', { defaultValue: false, description: 'Also return findings that have closed.' }) includeClosed: boolean,
  ): Promise<FindingModel[]> {
    return requestLoader<string, FindingModel[]>(context, `findings:${includeClosed}`, async (ids) => {
      const rows = await this.findingsService.forIdentities(ids, includeClosed);
      return groupByKeys(ids, rows, (row) => row.identityId);
    }).load(identity.id);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, context: SubgraphContext): Promise<IdentityModel | null> {
    return this.byId(context).load(reference.id);
  }

  private byId(context: SubgraphContext) {
    return identityLoader(context, this.service);
  }
}
