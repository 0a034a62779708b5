import { Directive, Field, ObjectType } from '@nestjs/graphql';

/** Exceptions' part of Viewer (ownership owns the root `viewer` query); `exceptionsToDecide` is resolved in ViewerExceptionsResolver. */
@ObjectType('Viewer', { description: 'The caller: who they are, what they own and what waits for them.' })
@Directive('@key(fields: "subject")')
export class ViewerExceptionsModel {
  @Field({ description: 'The subject of the verified token.' })
  subject!: string;
}
