import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** Exceptions owns PolicyException; lifecycle only names one by id, and the gateway fetches the rest from exceptions. */
@ObjectType('PolicyException')
@Directive('@key(fields: "id", resolvable: false)')
export class PolicyExceptionReferenceModel {
  @Field(() => ID)
  id!: string;
}
