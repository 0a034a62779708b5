import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import { RevocationRequestModel, RotationRequestModel } from '../requests/credential-request.model';
import { pollingGuidance } from './polling-guidance';
import { RequestsById } from './requests-by-id';

/** A rotation or revocation attempt by its id: what a portal polls to show progress. */
@CanRead()
@Resolver()
export class RequestProgressResolver {
  constructor(private readonly requests: RequestsById) {}

  @Query(() => RotationRequestModel, { nullable: true, description: pollingGuidance('rotation') })
  rotationRequest(
    @Args('id', { type: () => ID, description: 'The request id requestRotation returned (the requestId on the integrator topics).' })
    id: string,
    @Context() context: SubgraphContext,
  ): Promise<RotationRequestModel | null> {
    return requestLoader<string, RotationRequestModel | null>(context, 'rotationRequestsById', async (ids) =>
      byKeys(
        ids,
        await this.requests.rotations(ids),
        (row) => row.id,
        () => null,
      ),
    ).load(id.toLowerCase());
  }

  @Query(() => RevocationRequestModel, { nullable: true, description: pollingGuidance('revocation') })
  revocationRequest(
    @Args('id', { type: () => ID, description: 'The request id requestRevocation returned (the requestId on the integrator topics).' })
    id: string,
    @Context() context: SubgraphContext,
  ): Promise<RevocationRequestModel | null> {
    return requestLoader<string, RevocationRequestModel | null>(context, 'revocationRequestsById', async (ids) =>
      byKeys(
        ids,
        await this.requests.revocations(ids),
        (row) => row.id,
        () => null,
      ),
    ).load(id.toLowerCase());
  }
}
