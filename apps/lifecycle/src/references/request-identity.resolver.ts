import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { IdentityWithLifecycleModel } from '../identity-data/identity-lifecycle.model';
import { RevocationRequestModel, RotationRequestModel } from '../requests/credential-request.model';

const IDENTITY = {
  nullable: true,
  description: 'The identity the request is for (the same as identityId); null if the subgraphs that own it cannot answer.',
} as const;

/** A reference only: the gateway fetches the identity's fields from the subgraphs that own them, with no query here. */
function identityOf(request: { identityId: string }): IdentityWithLifecycleModel {
  return { id: request.identityId };
}

@CanRead()
@Resolver(() => RotationRequestModel)
export class RotationRequestIdentityResolver {
  @ResolveField(() => IdentityWithLifecycleModel, IDENTITY)
  identity(@Parent() request: RotationRequestModel): IdentityWithLifecycleModel {
    return identityOf(request);
  }
}

@CanRead()
@Resolver(() => RevocationRequestModel)
export class RevocationRequestIdentityResolver {
  @ResolveField(() => IdentityWithLifecycleModel, IDENTITY)
  identity(@Parent() request: RevocationRequestModel): IdentityWithLifecycleModel {
    return identityOf(request);
  }
}
