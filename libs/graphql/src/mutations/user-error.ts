import { Directive, Field, ObjectType, registerEnumType } from '@nestjs/graphql';

/** Why a mutation refused: each is something the user can fix, so it travels as data, not as a top-level error. */
export enum UserErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'What kind of refusal a user error is.',
  valuesMap: {
    INVALID: { description: 'An input value is missing, malformed or out of range; `field` points at it.' },
    NOT_FOUND: { description: 'The input names something that does not exist or that this service does not know.' },
    FORBIDDEN: { description: 'The viewer may not do this to this object (not an owner of it, or lacking the role for it).' },
    CONFLICT: {
      description:
        "The object's state forbids it now (already decided, already revoked, a request still running) or the idempotency key was used with another input.",
    },
  },
});

/** One refusal of a mutation: where it applies, what was wrong (never quoting the value), and its kind. Shareable: every subgraph with mutations defines the same type. */
@ObjectType('UserError', {
  description:
    'A refusal the user can act on, returned in the payload instead of failing the whole request: other mutations in the same document still report their results.',
})
@Directive('@shareable')
export class UserErrorModel {
  @Field(() => [String], {
    nullable: true,
    description:
      'Path to the input field at fault, from the mutation\'s `input` (["reason"], ["identityIds", "3"]); null when the refusal is about the whole input.',
  })
  field!: string[] | null;

  @Field({ description: 'What was wrong and what to do about it, in English. It never quotes the rejected value.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'The kind of refusal, for a client to branch on.' })
  code!: UserErrorCode;
}
