import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** Exceptions' part of NonHumanIdentity; the `exceptions` field is resolved in ExceptionsResolver. */
@ObjectType('NonHumanIdentity', {
  description: 'A service account, key, token, certificate, secret, workload identity, AI agent, or another kind a source names.',
})
@Directive('@key(fields: "id")')
export class IdentityWithExceptionsModel {
  @Field(() => ID, { description: "The identity's id, the same in every subgraph." })
  id!: string;
}
