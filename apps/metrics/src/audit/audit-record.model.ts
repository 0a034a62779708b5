import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AuditOutcome } from '@nhi/contracts';
import { PageInfoModel, JSONScalar } from '@nhi/graphql';

export const AuditOutcomeEnum: { [K in AuditOutcome]: K } = {
  SUCCEEDED: 'SUCCEEDED',
  FORBIDDEN: 'FORBIDDEN',
  REJECTED: 'REJECTED',
  FAILED: 'FAILED',
};
registerEnumType(AuditOutcomeEnum, {
  name: 'AuditOutcome',
  description: 'FORBIDDEN: the actor may not; REJECTED: bad input, not found or a conflict; FAILED: the service failed.',
  valuesMap: {
    SUCCEEDED: { description: 'The operation ran to its end.' },
    FORBIDDEN: {
      description: 'Refused: the actor may not do this, or could not be authenticated (errorCode FORBIDDEN or UNAUTHENTICATED).',
    },
    REJECTED: {
      description:
        'Refused as the caller can fix it: bad input, not found or a conflict (errorCode BAD_USER_INPUT, INVALID, NOT_FOUND, CONFLICT ...), thrown or returned in a payload as userErrors.',
    },
    FAILED: { description: 'The service failed (any other errorCode, e.g. INTERNAL_SERVER_ERROR).' },
  },
});

@ObjectType('AuditRecord', { description: 'One mutation or bulk ingest, in any service, whatever its outcome.' })
export class AuditRecordModel {
  @Field(() => ID, { description: "The record's id (the id of the audit event that carried it)." })
  id!: string;

  @Field({ description: 'When the operation settled.' })
  at!: Date;

  @Field({ description: 'The actor (the token subject); "anonymous" when the request could not be authenticated.' })
  actor!: string;

  @Field(() => [String], { description: "The actor's roles when it acted; empty when it could not be authenticated." })
  roles!: string[];

  @Field({ description: 'The service that ran the operation.' })
  service!: string;

  @Field({ description: 'The mutation field, or bulkIngest.' })
  operation!: string;

  @Field(() => [String], { description: 'Ids the operation named or produced; the source for a bulk ingest.' })
  targetIds!: string[];

  @Field(() => AuditOutcomeEnum, { description: 'How the operation ended.' })
  outcome!: AuditOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'The error code the caller got (extensions.code, e.g. FORBIDDEN, BAD_USER_INPUT); null when the operation succeeded.',
  })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The error message (redacted) when the operation did not succeed.' })
  error!: string | null;

  @Field({
    description: 'The arguments as JSON, with secret-looking keys and values redacted and long lists shortened.',
    deprecationReason: 'Use arguments: the same document as JSON, not a string',
  })
  input!: string;

  @Field(() => JSONScalar, {
    description: 'The arguments, with secret-looking keys and values redacted and long lists shortened.',
  })
  arguments!: unknown;

  @Field(() => String, {
    nullable: true,
    description: 'Figures about the outcome as JSON (bulk ingest: rows received, accepted, rejected ...).',
    deprecationReason: 'Use figures: the same document as JSON, not a string',
  })
  details!: string | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Figures about the outcome (bulk ingest: rows received, accepted, rejected ...); null when the operation reports none.',
  })
  figures!: unknown;

  @Field(() => Int, { description: 'Milliseconds from the start of the operation until it settled.' })
  durationMs!: number;
}

@ObjectType('AuditRecordEdge', { description: 'One audit record of a page, with its cursor.' })
export class AuditRecordEdgeModel {
  @Field(() => AuditRecordModel, { description: 'The audit record.' })
  node!: AuditRecordModel;

  @Field({ description: 'An opaque cursor: pass it as `after` to read the records that follow this one.' })
  cursor!: string;
}

@ObjectType('AuditRecordConnection', { description: 'A page of audit records, newest first.' })
export class AuditRecordConnectionModel {
  @Field(() => [AuditRecordEdgeModel], { description: 'The records of the page, newest first.' })
  edges!: AuditRecordEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more records follow, and the cursor to read them.' })
  pageInfo!: PageInfoModel;
}
