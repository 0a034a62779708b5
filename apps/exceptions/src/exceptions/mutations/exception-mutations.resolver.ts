import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OwnerOrSecurityAdmin, SecurityAdminOnly } from '@nhi/auth';
import { mutationArguments, mutationPayload } from '@nhi/graphql';
import { IdempotencyStore } from '@nhi/persistence';
import { ExceptionDecisionsService } from '../exception-decisions.service';
import { ExceptionGroup, ExceptionRequestsService } from '../exception-requests.service';
import { ExceptionsService } from '../exceptions.service';
import { PolicyExceptionModel } from '../policy-exception.model';
import {
  ExceptionApproveInput,
  ExceptionCreateInput,
  ExceptionPayload,
  ExceptionRejectInput,
  ExceptionRevokeInput,
  ExceptionsCreateInput,
  ExceptionsCreatePayload,
} from './exception-mutations.types';

/** The payload forms of the exception workflow (issue 22): refusals a user can fix come back as userErrors. */
@Resolver()
export class ExceptionMutationsResolver {
  constructor(
    private readonly requests: ExceptionRequestsService,
    private readonly decisions: ExceptionDecisionsService,
    private readonly exceptions: ExceptionsService,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @OwnerOrSecurityAdmin('request an exception')
  @Mutation(() => ExceptionPayload, {
    nullable: true,
    description:
      'Asks to suspend one control for one identity until expiresAt (status REQUESTED). Someone other than the requester must approve it.',
  })
  exceptionCreate(
    @Args('input', { description: 'The identity, the control, the terms and an optional idempotencyKey.' }) input: ExceptionCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<ExceptionPayload> {
    return mutationPayload(input, async () => ({
      exception: await this.idempotency.once<PolicyExceptionModel | null>(
        { operation: 'exceptionCreate', actor: actor.sub, key: input.idempotencyKey, input: mutationArguments(input) },
        () => this.requests.request(input, actor),
        (exception) => ({ id: exception?.id }),
        (ref) => this.exceptions.byId(String(ref['id'])),
      ),
    })) as Promise<ExceptionPayload>;
  }

  @OwnerOrSecurityAdmin('request exceptions')
  @Mutation(() => ExceptionsCreatePayload, {
    nullable: true,
    description:
      'Asks for linked exceptions on every identity a selector matches (by system, owner or ids). Identities that cannot have one are listed in skipped; the rest are created.',
  })
  exceptionsCreate(
    @Args('input', { description: 'The selection of identities, the terms and an optional idempotencyKey.' }) input: ExceptionsCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<ExceptionsCreatePayload> {
    return mutationPayload(input, async () => ({
      exceptionGroup: await this.idempotency.once(
        { operation: 'exceptionsCreate', actor: actor.sub, key: input.idempotencyKey, input: mutationArguments(input) },
        () => this.requests.requestForSelection(input, actor),
        (group) => ({ groupId: group.groupId, ids: group.exceptions.map((e) => e.id), skipped: group.skipped }),
        async (ref): Promise<ExceptionGroup> => ({
          groupId: (ref['groupId'] as string | null) ?? null,
          exceptions: await this.exceptions.byIds(ref['ids'] as string[]),
          skipped: ref['skipped'] as ExceptionGroup['skipped'],
        }),
      ),
    })) as Promise<ExceptionsCreatePayload>;
  }

  @SecurityAdminOnly('approve an exception')
  @Mutation(() => ExceptionPayload, {
    nullable: true,
    description:
      'Approves a requested exception (and the rest of its group): the control is suspended until expiresAt. Needs security-admin; never the requester.',
  })
  exceptionApprove(
    @Args('input', { description: 'The exception to approve, and an optional note.' }) input: ExceptionApproveInput,
    @CurrentActor() actor: Actor,
  ): Promise<ExceptionPayload> {
    return mutationPayload(input, async () => ({
      exception: await this.decisions.approve(input.id, input.note, actor),
    })) as Promise<ExceptionPayload>;
  }

  @SecurityAdminOnly('reject an exception')
  @Mutation(() => ExceptionPayload, {
    nullable: true,
    description: 'Rejects a requested exception (and the rest of its group) with a reason. Needs security-admin; never the requester.',
  })
  exceptionReject(
    @Args('input', { description: 'The exception to reject, and why.' }) input: ExceptionRejectInput,
    @CurrentActor() actor: Actor,
  ): Promise<ExceptionPayload> {
    return mutationPayload(input, async () => ({
      exception: await this.decisions.reject(input.id, input.reason, actor, new Date(), 'reason'),
    })) as Promise<ExceptionPayload>;
  }

  @OwnerOrSecurityAdmin('revoke an exception')
  @Mutation(() => ExceptionPayload, {
    nullable: true,
    description: 'Withdraws a requested or approved exception before it expires: the control is enforced again at once.',
  })
  exceptionRevoke(
    @Args('input', { description: 'The exception to withdraw, and why.' }) input: ExceptionRevokeInput,
    @CurrentActor() actor: Actor,
  ): Promise<ExceptionPayload> {
    return mutationPayload(input, async () => ({
      exception: await this.decisions.revoke(input.id, input.reason, actor),
    })) as Promise<ExceptionPayload>;
  }
}
