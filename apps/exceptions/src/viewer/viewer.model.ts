import { Directive, Field, ObjectType } from '@nestjs/graphql';

/** Exceptions' part of Viewer (ownership owns the root `viewer` query); `exceptionsToDecide` is resolved in ViewerExceptionsResolver. */
@ObjectType('Viewer')
@Directive('@key(fields: "subject")')
export class ViewerExceptionsModel {
  @Field()
  subject!: string;
}
