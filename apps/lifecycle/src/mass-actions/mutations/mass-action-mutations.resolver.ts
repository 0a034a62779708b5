import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OwnerOrSecurityAdmin } from '@nhi/auth';
import { mutationArguments, mutationPayload } from '@nhi/graphql';
import { IdempotencyStore } from '@nhi/persistence';
import type { MassActionKind } from '../../requests/mass-action.entity';
import { MassActionModel, massActionModel } from '../mass-action.model';
import { MassActions } from '../mass-actions.service';
import { MassActionCreatePayload, RevocationRequestsCreateInput, RotationRequestsCreateInput } from './mass-action-mutations.types';

/** The payload forms of mass rotation and revocation (issue 22): refusals come back as userErrors, and a retry with the same key starts nothing. */
@Resolver()
export class MassActionMutationsResolver {
  constructor(
    private readonly massActions: MassActions,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @OwnerOrSecurityAdmin('request a mass rotation')
  @Mutation(() => MassActionCreatePayload, {
    nullable: true,
    description:
      'Asks for the rotation of every identity the selection matches (up to 100,000), in one transaction. Identities under an approved ROTATION exception are held and listed; revoked ones and those already rotating are skipped. A security-admin may select anything, an owner only identities they own. Follow it with massAction(id).',
  })
  rotationRequestsCreate(
    @Args('input', { description: 'The selection and the reason, and the ids of the call.' }) input: RotationRequestsCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<MassActionCreatePayload> {
    return this.create('rotationRequestsCreate', 'ROTATION', input, actor);
  }

  @OwnerOrSecurityAdmin('request a mass revocation')
  @Mutation(() => MassActionCreatePayload, {
    nullable: true,
    description:
      'Asks for the revocation of every identity the selection matches (up to 100,000), in one transaction; as rotationRequestsCreate, with approved REVOCATION exceptions holding identities back.',
  })
  revocationRequestsCreate(
    @Args('input', { description: 'The selection and the reason, and the ids of the call.' }) input: RevocationRequestsCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<MassActionCreatePayload> {
    return this.create('revocationRequestsCreate', 'REVOCATION', input, actor);
  }

  private create(
    operation: string,
    action: MassActionKind,
    input: RotationRequestsCreateInput | RevocationRequestsCreateInput,
    actor: Actor,
  ): Promise<MassActionCreatePayload> {
    return mutationPayload(input, async () => ({
      massAction: await this.idempotency.once<MassActionModel | null>(
        { operation, actor: actor.sub, key: input.idempotencyKey, input: mutationArguments(input) },
        async () => massActionModel(await this.massActions.request(action, input.selection, input.reason, actor)),
        (massAction) => ({ id: massAction?.id }),
        async (ref) => {
          const found = await this.massActions.byId(String(ref['id']));
          return found ? massActionModel(found) : null;
        },
      ),
    })) as Promise<MassActionCreatePayload>;
  }
}
