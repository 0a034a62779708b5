import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor, OwnerOrSecurityAdmin, SecurityAdminOnly } from '@nhi/auth';
import { groupByKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import { BulkExceptionRequestInput, ExceptionRequestInput } from './dto/exception-request.input';
import { ExceptionDecisionsService } from './exception-decisions.service';
import { ExceptionRequestsService } from './exception-requests.service';
import { ExceptionGroupModel, ExceptionStatsModel, PolicyExceptionConnectionModel } from './exception-results.model';
import { ApprovedExceptionFilterInput, ExceptionOrderInput, ExceptionQueueFilterInput } from './exception-queue.types';
import { ExceptionsService } from './exceptions.service';
import { ExceptionHistoryEntryModel, PolicyExceptionModel } from './policy-exception.model';

@CanRead()
@Resolver(() => PolicyExceptionModel)
export class ExceptionWorkflowResolver {
  constructor(
    private readonly requests: ExceptionRequestsService,
    private readonly decisions: ExceptionDecisionsService,
    private readonly exceptions: ExceptionsService,
  ) {}

  @OwnerOrSecurityAdmin('request an exception')
  @Mutation(() => PolicyExceptionModel, {
    deprecationReason: 'Use exceptionCreate: it reports refusals as userErrors and takes an idempotencyKey',
    description: 'Asks to suspend one control for one identity until expiresAt. Someone other than the requester must approve it.',
  })
  requestException(
    @Args('input', { description: 'The identity, the control and the terms.' }) input: ExceptionRequestInput,
    @CurrentActor() actor: Actor,
  ): Promise<PolicyExceptionModel> {
    return this.requests.request(input, actor);
  }

  @OwnerOrSecurityAdmin('request exceptions')
  @Mutation(() => ExceptionGroupModel, {
    deprecationReason: 'Use exceptionsCreate: it reports refusals as userErrors and takes an idempotencyKey',
    description:
      'Asks for linked exceptions on every identity a selector matches (by system, owner or ids). Identities that cannot have one are listed in skipped; the rest are created.',
  })
  requestExceptions(
    @Args('input', { description: 'The selection of identities and the terms.' }) input: BulkExceptionRequestInput,
    @CurrentActor() actor: Actor,
  ): Promise<ExceptionGroupModel> {
    return this.requests.requestForSelection(input, actor);
  }

  @SecurityAdminOnly('approve an exception')
  @Mutation(() => PolicyExceptionModel, {
    deprecationReason: 'Use exceptionApprove: it reports refusals as userErrors',
    description:
      'Approves a requested exception (and the rest of its group): the control is suspended until expiresAt. Needs security-admin; never the requester.',
  })
  approveException(
    @Args('id', { type: () => ID, description: 'The exception to approve (a REQUESTED one).' }) id: string,
    @Args('note', {
      type: () => String,
      nullable: true,
      description: "The approver's note, kept with the decision and in the exception's history. Optional.",
    })
    note: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<PolicyExceptionModel> {
    return this.decisions.approve(id, note, actor);
  }

  @SecurityAdminOnly('reject an exception')
  @Mutation(() => PolicyExceptionModel, {
    deprecationReason: 'Use exceptionReject: it reports refusals as userErrors',
    description: 'Rejects a requested exception (and the rest of its group) with a note. Needs security-admin; never the requester.',
  })
  rejectException(
    @Args('id', { type: () => ID, description: 'The exception to reject (a REQUESTED one).' }) id: string,
    @Args('note', { description: 'Why it is rejected: required, kept with the decision and in the history.' }) note: string,
    @CurrentActor() actor: Actor,
  ): Promise<PolicyExceptionModel> {
    return this.decisions.reject(id, note, actor);
  }

  @OwnerOrSecurityAdmin('revoke an exception')
  @Mutation(() => PolicyExceptionModel, {
    deprecationReason: 'Use exceptionRevoke: it reports refusals as userErrors',
    description: 'Withdraws a requested or approved exception before it expires: the control is enforced again at once.',
  })
  revokeException(
    @Args('id', { type: () => ID, description: 'The exception to withdraw (REQUESTED or APPROVED).' }) id: string,
    @Args('reason', { description: 'Why it is withdrawn: required, at most 1,000 characters, kept in the history.' }) reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<PolicyExceptionModel> {
    return this.decisions.revoke(id, reason, actor);
  }

  @Query(() => PolicyExceptionModel, { nullable: true, description: 'One exception by its id; null when there is none.' })
  exception(@Args('id', { type: () => ID, description: "The exception's id." }) id: string): Promise<PolicyExceptionModel | null> {
    return this.exceptions.byId(id);
  }

  @Query(() => PolicyExceptionConnectionModel, {
    description:
      'Requests waiting for a decision, oldest first or in orderBy, optionally for one business unit, one owner or some controls.',
  })
  pendingExceptions(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size: 1 to 500, 50 when null.' }) first: number | null,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'The endCursor of the previous page; the oldest requests when null.',
    })
    after: string | null,
    @Args('filter', { type: () => ExceptionQueueFilterInput, nullable: true, description: 'Which requests; every one waiting when null.' })
    filter?: ExceptionQueueFilterInput | null,
    @Args('orderBy', { type: () => ExceptionOrderInput, nullable: true, description: 'The order; oldest request first when null.' })
    orderBy?: ExceptionOrderInput | null,
  ): Promise<PolicyExceptionConnectionModel> {
    return this.exceptions.pending(first, after, filter ?? {}, orderBy ?? null);
  }

  @Query(() => PolicyExceptionConnectionModel, {
    description:
      'Approved exceptions, soonest expiry first or in orderBy: those about to lapse, for one business unit, one owner or some controls. A keyset-paged connection with totalCount.',
  })
  approvedExceptions(
    @Args('filter', {
      type: () => ApprovedExceptionFilterInput,
      nullable: true,
      description: 'Which exceptions; every approved one when null.',
    })
    filter: ApprovedExceptionFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size: 1 to 500, 50 when null.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Args('orderBy', { type: () => ExceptionOrderInput, nullable: true, description: 'The order; soonest expiry first when null.' })
    orderBy?: ExceptionOrderInput | null,
  ): Promise<PolicyExceptionConnectionModel> {
    return this.exceptions.approved(filter ?? {}, first, after, orderBy ?? null);
  }

  @Query(() => [PolicyExceptionModel], {
    description: 'Approved exceptions expiring within the coming days, soonest first.',
    deprecationReason: 'Use approvedExceptions(filter: { expiresWithinDays }): a connection with totalCount, pages and filters',
  })
  expiringExceptions(
    @Args('withinDays', {
      type: () => Int,
      description: 'Expiring at most this many days from now: a whole number from 0 to 366.',
    })
    withinDays: number,
    @Args('first', { type: () => Int, nullable: true, description: 'At most this many (default 50, up to 500).' }) first: number | null,
  ): Promise<PolicyExceptionModel[]> {
    return this.exceptions.expiring(withinDays, first);
  }

  @Query(() => ExceptionStatsModel, { description: 'How many exceptions there are, by control and status, over all time.' })
  async exceptionStats(): Promise<ExceptionStatsModel> {
    const counts = await this.exceptions.counts();
    return { total: counts.reduce((sum, entry) => sum + entry.count, 0), counts };
  }

  @ResolveField(() => [ExceptionHistoryEntryModel], { description: 'Everything that happened to it, oldest first (append-only).' })
  history(@Parent() exception: PolicyExceptionModel, @Context() context: SubgraphContext): Promise<ExceptionHistoryEntryModel[]> {
    return requestLoader<string, ExceptionHistoryEntryModel[]>(context, 'exception-history', async (ids) =>
      groupByKeys(ids, await this.exceptions.historyOf(ids), (entry) => entry.exceptionId),
    ).load(exception.id);
  }
}

@CanRead()
@Resolver(() => PolicyExceptionConnectionModel)
export class PolicyExceptionConnectionResolver {
  @ResolveField(() => Int, { description: 'How many exceptions the query selects, on all pages.' })
  totalCount(@Parent() connection: PolicyExceptionConnectionModel): Promise<number> {
    return connection.count();
  }
}
