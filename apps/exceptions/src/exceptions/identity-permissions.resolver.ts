import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, CanRead, CurrentActor, mayActOn } from '@nhi/auth';
import { requestLoader, type SubgraphContext } from '@nhi/graphql';
import { KnownIdentityEntity } from '../known-identities/known-identity.entity';
import { IdentityWithExceptionsModel } from './identity.model';

/** What the viewer may do about this identity in exceptions, by the rule exceptionCreate applies (issue 22 item 3). */
@CanRead()
@Resolver(() => IdentityWithExceptionsModel)
export class IdentityExceptionPermissionsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      'Whether exceptionCreate would accept a request for this identity from the viewer: exceptions knows the identity, and the viewer is a security-admin or an owner of it (directly or through a team). A control that already has an open exception is still refused then, as a userError. Null only when exceptions cannot answer.',
  })
  viewerCanRequestException(
    @Parent() identity: IdentityWithExceptionsModel,
    @Context() context: SubgraphContext,
    @CurrentActor() actor: Actor,
  ): Promise<boolean> {
    return requestLoader<string, KnownIdentityEntity | undefined>(context, 'known-identities', async (ids) => {
      const rows = await this.dataSource.getRepository(KnownIdentityEntity).find({ where: { identityId: In([...ids]) } });
      const byId = new Map(rows.map((row) => [row.identityId, row]));
      return ids.map((id) => byId.get(id));
    })
      .load(identity.id)
      .then((known) => Boolean(known) && mayActOn(actor, { identityId: identity.id, ownerPath: known?.ownerPath ?? [] }));
  }
}
