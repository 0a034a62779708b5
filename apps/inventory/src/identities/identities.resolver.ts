import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import { RegisterIdentityInput } from './dto/register-identity.input';
import { IdentitiesService } from './identities.service';
import { IdentityEntity } from './identity.entity';
import { IdentityModel, SightingModel } from './identity.model';

@Resolver(() => IdentityModel)
export class IdentitiesResolver {
  constructor(private readonly identities: IdentitiesService) {}

  @Query(() => IdentityModel, { nullable: true, description: 'One identity by its platform id.' })
  identity(@Args('id', { type: () => ID }) id: string, @Context() context: SubgraphContext): Promise<IdentityModel | null> {
    return this.byId(context).load(id);
  }

  @Query(() => IdentityModel, { nullable: true, description: 'One identity by its natural key.' })
  identityByExternalId(@Args('provider') provider: string, @Args('externalId') externalId: string): Promise<IdentityModel | null> {
    return this.identities.findByNaturalKey(provider, externalId);
  }

  @Mutation(() => IdentityModel, { description: 'Reports one identity seen by one discovery source.' })
  async registerIdentity(@Args('input') input: RegisterIdentityInput): Promise<IdentityModel> {
    return (await this.identities.register(input)).identity;
  }

  @ResolveField(() => [SightingModel])
  async sightings(@Parent() identity: IdentityModel, @Context() context: SubgraphContext): Promise<SightingModel[]> {
    const loader = requestLoader<string, SightingModel[]>(context, 'sightings', async (ids) => {
      const rows = await this.identities.sightingsOf(ids);
      return ids.map((id) => rows.filter((row) => row.identityId === id));
    });
    return loader.load(identity.id);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, context: SubgraphContext): Promise<IdentityModel | null> {
    return this.byId(context).load(reference.id);
  }

  private byId(context: SubgraphContext) {
    return requestLoader<string, IdentityEntity | null>(context, 'identityById', async (ids) =>
      byKeys(
        ids,
        await this.identities.findByIds(ids),
        (row) => row.id,
        () => null,
      ),
    );
  }
}
