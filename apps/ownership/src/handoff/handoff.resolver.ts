import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor, OwnerOrSecurityAdmin } from '@nhi/auth';
import { ListSize, SubgraphContext } from '@nhi/graphql';
import { ownersLoader } from '../owners/owners.loader';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnersService } from '../owners/owners.service';
import { IdentityOwnershipModel } from '../identity-data/identity.model';
import { withLegacyCodes } from '../refusals';
import { HandoffInput } from './dto/handoff.input';
import { HandoffModel } from './handoff.model';
import { HandoffService } from './handoff.service';

@CanRead()
@Resolver(() => HandoffModel)
export class HandoffResolver {
  constructor(
    private readonly handoffs: HandoffService,
    private readonly owners: OwnersService,
  ) {}

  @OwnerOrSecurityAdmin('hand off identities')
  @Mutation(() => HandoffModel, {
    description: 'Lists the identities to move; they move only when the receiving owner accepts.',
    deprecationReason: 'Use handoffCreate(input:).',
  })
  requestHandoff(
    @Args('input', { description: 'Which identities (by owner, system or both), who receives them and why.' }) input: HandoffInput,
    @CurrentActor() actor: Actor,
  ): Promise<HandoffModel> {
    return withLegacyCodes(() => this.handoffs.request(input, actor));
  }

  @OwnerOrSecurityAdmin('accept a handoff')
  @Mutation(() => HandoffModel, {
    description: 'The receiving owner takes the listed identities (those that changed hands since stay where they are).',
    deprecationReason: 'Use handoffAccept(input:).',
  })
  acceptHandoff(
    @Args('id', { type: () => ID, description: "The handoff's id." }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<HandoffModel> {
    return withLegacyCodes(() => this.handoffs.accept(id, actor));
  }

  @OwnerOrSecurityAdmin('decline a handoff')
  @Mutation(() => HandoffModel, {
    description: 'The receiving owner refuses; nothing moves.',
    deprecationReason: 'Use handoffReject(input:).',
  })
  declineHandoff(
    @Args('id', { type: () => ID, description: "The handoff's id." }) id: string,
    @Args('note', { type: () => String, nullable: true, description: 'Optional words for the requester, kept as decisionNote.' })
    note: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<HandoffModel> {
    return withLegacyCodes(() => this.handoffs.decline(id, note, actor));
  }

  @Query(() => HandoffModel, { nullable: true, description: 'One handoff by id; null when none has it.' })
  handoff(@Args('id', { type: () => ID, description: "The handoff's id." }) id: string): Promise<HandoffModel | null> {
    return this.handoffs.handoff(id);
  }

  @Query(() => [HandoffModel], {
    description: 'Handoffs waiting for this owner to accept or decline.',
    deprecationReason: 'Use openHandoffs(filter: { toOwnerId }): a connection with totalCount and pages',
  })
  pendingHandoffs(@Args('ownerId', { type: () => ID, description: 'The receiving owner.' }) ownerId: string): Promise<HandoffModel[]> {
    return this.handoffs.pendingFor(ownerId);
  }

  @ResolveField(() => OwnerModel, { nullable: true })
  fromOwner(@Parent() handoff: HandoffModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> | null {
    return handoff.fromOwnerId ? ownersLoader(context, this.owners).load(handoff.fromOwnerId) : null;
  }

  @ResolveField(() => OwnerModel, { nullable: true })
  toOwner(@Parent() handoff: HandoffModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> {
    return ownersLoader(context, this.owners).load(handoff.toOwnerId);
  }

  // No hard bound: a team's identities, which reach the thousands.
  @ListSize(1000)
  @ResolveField(() => [IdentityOwnershipModel], { deprecationReason: 'Use identitiesConnection, which pages them' })
  async identities(@Parent() handoff: HandoffModel): Promise<IdentityOwnershipModel[]> {
    return (await this.handoffs.items(handoff.id)).map((item) => ({ id: item.identityId }));
  }

  @ResolveField(() => Int, { nullable: true })
  async moved(@Parent() handoff: HandoffModel): Promise<number | null> {
    if (handoff.status !== 'COMPLETED') return null;
    return (await this.handoffs.items(handoff.id)).filter((item) => item.moved).length;
  }
}
