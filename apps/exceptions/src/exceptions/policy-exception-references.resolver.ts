import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import { ExceptionsService } from './exceptions.service';
import { IdentityWithExceptionsModel } from './identity.model';
import { PolicyExceptionModel } from './policy-exception.model';

/** PolicyException as an entity other subgraphs point at, and the identity it is about as an entity beside its id. */
@CanRead()
@Resolver(() => PolicyExceptionModel)
export class PolicyExceptionReferencesResolver {
  constructor(private readonly exceptions: ExceptionsService) {}

  /** A page of suspensions from lifecycle names many exceptions: one query for all of them. */
  @ResolveReference()
  resolveReference(reference: { id: string }, context: SubgraphContext): Promise<PolicyExceptionModel | null> {
    return requestLoader<string, PolicyExceptionModel | null>(context, 'exceptionById', async (ids) =>
      byKeys(
        ids,
        await this.exceptions.byIds(ids),
        (row) => row.id,
        () => null,
      ),
    ).load(reference.id);
  }

  /** A reference only: the gateway fetches the identity's fields from the subgraphs that own them. */
  @ResolveField(() => IdentityWithExceptionsModel, {
    nullable: true,
    description: 'The identity the exception is about (the same as identityId); null if the subgraphs that own it cannot answer.',
  })
  identity(@Parent() exception: PolicyExceptionModel): IdentityWithExceptionsModel {
    return { id: exception.identityId };
  }
}
