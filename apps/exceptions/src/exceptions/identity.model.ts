import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** Exceptions' part of NonHumanIdentity; the `exceptions` field is resolved in ExceptionsResolver. */
@ObjectType('NonHumanIdentity')
@Directive('@key(fields: "id")')
export class IdentityWithExceptionsModel {
  @Field(() => ID)
  id!: string;
}
