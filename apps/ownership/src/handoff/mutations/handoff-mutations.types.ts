import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MutationInput, MutationPayload, withIdempotencyKey } from '@nhi/graphql';
import { HandoffInput } from '../dto/handoff.input';
import { HandoffModel } from '../handoff.model';

@InputType('HandoffCreateInput', {
  description:
    'Lists the identities of an owner, of a system, or of an owner within a system, to move to another owner once that owner accepts.',
})
export class HandoffCreateInput extends withIdempotencyKey(HandoffInput) {}

@InputType('HandoffAcceptInput', { description: 'The receiving owner takes the identities a handoff lists.' })
export class HandoffAcceptInput extends MutationInput {
  @Field(() => ID, { description: 'The handoff to accept (a REQUESTED one).' })
  @Allow()
  id!: string;
}

@InputType('HandoffRejectInput', { description: 'The receiving owner refuses a handoff; nothing moves.' })
export class HandoffRejectInput extends MutationInput {
  @Field(() => ID, { description: 'The handoff to refuse (a REQUESTED one).' })
  @Allow()
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: "Why it is refused; optional, kept as the handoff's decisionNote and in its events.",
  })
  @Allow()
  reason?: string | null;
}

@ObjectType('HandoffPayload', { description: 'The outcome of handoffCreate, handoffAccept and handoffReject.' })
export class HandoffPayload extends MutationPayload {
  @Field(() => HandoffModel, { nullable: true, description: 'The handoff as it is now. Null when refused.' })
  handoff!: HandoffModel | null;
}
