import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** Metrics' part of NonHumanIdentity: the identities identitySearch finds, and the timeline it adds to each. */
@ObjectType('NonHumanIdentity', {
  description: 'A service account, key, token, certificate, secret, workload identity, AI agent, or another kind a source names.',
})
@Directive('@key(fields: "id")')
export class IdentityReferenceModel {
  @Field(() => ID, { description: "The identity's id, the same in every subgraph." })
  id!: string;
}
