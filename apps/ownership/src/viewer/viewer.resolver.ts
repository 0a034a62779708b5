import { ListSize } from '@nhi/graphql';
import { Args, Context, Int, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { type Actor, actorFromContext, CanRead, CurrentActor } from '@nhi/auth';
import type { SubgraphContext } from '@nhi/graphql';
import { HandoffModel } from '../handoff/handoff.model';
import { IdentityPages } from '../identity-pages/identity-pages';
import { OWNED_IDENTITY_ORDER_ARG, OwnedIdentityOrderInput } from '../identity-pages/identity-page-order.input';
import { OwnershipIdentityConnectionModel } from '../identity-pages/ownership-identity-connection.model';
import { OwnerModel } from '../owner-data/owner.model';
import { ViewerIdentityFilterInput } from './dto/viewer-identity-filter.input';
import { viewerOwners } from './viewer-owners';
import { ViewerTasksService } from './viewer-tasks.service';
import { OwnershipSuggestionModel } from '../rules/ownership-suggestion.model';
import { toSuggestionModel } from '../rules/suggestions.resolver';
import { ViewerAttestationModel, ViewerModel, ViewerTasksModel } from './viewer.model';

function viewerOf(actor: Actor): ViewerModel {
  return { subject: actor.sub, roles: [...actor.roles] };
}

@CanRead('read your own view')
@Resolver(() => ViewerModel)
export class ViewerResolver {
  constructor(
    private readonly work: ViewerTasksService,
    private readonly pages: IdentityPages,
  ) {}

  @Query(() => ViewerModel, { description: 'The caller, from the verified token: never someone else.' })
  viewer(@CurrentActor() actor: Actor): ViewerModel {
    return viewerOf(actor);
  }

  // The teams one token acts for.
  @ListSize(10)
  @ResolveField(() => [OwnerModel], { description: 'The active owners whose externalRef the token carries.' })
  owners(@Context() context: SubgraphContext): Promise<OwnerModel[]> {
    return viewerOwners(context, this.work);
  }

  @ResolveField(() => OwnershipIdentityConnectionModel, {
    description:
      "Identities one of the viewer's owners holds as PRIMARY or BACKUP owner, optionally narrowed by filter and sorted by orderBy.",
  })
  async identities(
    @Context() context: SubgraphContext,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
    @Args('filter', {
      type: () => ViewerIdentityFilterInput,
      nullable: true,
      description: "Which of the viewer's identities; all of them when null.",
    })
    filter: ViewerIdentityFilterInput | null,
    @Args('orderBy', OWNED_IDENTITY_ORDER_ARG) orderBy: OwnedIdentityOrderInput | null,
  ): Promise<OwnershipIdentityConnectionModel> {
    const owners = (await viewerOwners(context, this.work)).map((owner) => owner.id);
    // Narrowed to the given owners among the viewer's own: naming someone else's owner shows nothing of theirs.
    const named = filter?.ownerId ?? [];
    const through = named.length > 0 ? owners.filter((id) => named.includes(id)) : owners;
    return this.pages.page({ heldByAny: through, role: filter?.role }, first, after, filter ?? {}, orderBy);
  }

  @ResolveField(() => ViewerTasksModel, {
    description: "The viewer's to-do list: attestations, handoffs and suggestions waiting for them.",
  })
  tasks(): Partial<ViewerTasksModel> {
    // Each task list resolves on its own, so a page asking for one list pays for that one only.
    return {};
  }

  /** A representation names a subject; only the caller's own resolves, so no one reads another's view. */
  @ResolveReference()
  resolveReference(reference: { subject: string }, context: SubgraphContext): ViewerModel | null {
    const actor = actorFromContext(context);
    return reference.subject === actor.sub ? viewerOf(actor) : null;
  }
}

@CanRead('read your own tasks')
@Resolver(() => ViewerTasksModel)
export class ViewerTasksResolver {
  constructor(private readonly tasks: ViewerTasksService) {}

  @ResolveField(() => [ViewerAttestationModel])
  async attestations(@Context() context: SubgraphContext): Promise<ViewerAttestationModel[]> {
    const owners = await viewerOwners(context, this.tasks);
    return this.tasks.attestations(owners.map((owner) => owner.id));
  }

  @ResolveField(() => [HandoffModel])
  async pendingHandoffs(@Context() context: SubgraphContext): Promise<HandoffModel[]> {
    const owners = await viewerOwners(context, this.tasks);
    return this.tasks.pendingHandoffs(owners.map((owner) => owner.id));
  }

  @ResolveField(() => [OwnershipSuggestionModel])
  async suggestions(@Context() context: SubgraphContext): Promise<OwnershipSuggestionModel[]> {
    const owners = await viewerOwners(context, this.tasks);
    return (await this.tasks.suggestions(owners.map((owner) => owner.id))).map(toSuggestionModel);
  }
}
