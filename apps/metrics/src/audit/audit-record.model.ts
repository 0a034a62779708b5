import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AuditOutcome } from '@nhi/contracts';
import { PageInfoModel } from '@nhi/graphql';

export const AuditOutcomeEnum: { [K in AuditOutcome]: K } = {
  SUCCEEDED: 'SUCCEEDED',
  FORBIDDEN: 'FORBIDDEN',
  REJECTED: 'REJECTED',
  FAILED: 'FAILED',
};
registerEnumType(AuditOutcomeEnum, {
  name: 'AuditOutcome',
  description: 'FORBIDDEN: the actor may not; REJECTED: bad input, not found or a conflict; FAILED: the service failed.',
});

@ObjectType('AuditRecord', { description: 'One mutation or bulk ingest, in any service, whatever its outcome.' })
export class AuditRecordModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'When the operation settled.' })
  at!: Date;

  @Field({ description: 'The actor (the token subject); "anonymous" when the request could not be authenticated.' })
  actor!: string;

  @Field(() => [String])
  roles!: string[];

  @Field({ description: 'The service that ran the operation.' })
  service!: string;

  @Field({ description: 'The mutation field, or bulkIngest.' })
  operation!: string;

  @Field(() => [String], { description: 'Ids the operation named or produced; the source for a bulk ingest.' })
  targetIds!: string[];

  @Field(() => AuditOutcomeEnum)
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The error message (redacted) when the operation did not succeed.' })
  error!: string | null;

  @Field({ description: 'The arguments as JSON, with secret-looking keys and values redacted and long lists shortened.' })
  input!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Figures about the outcome as JSON (bulk ingest: rows received, accepted, rejected ...).',
  })
  details!: string | null;

  @Field(() => Int)
  durationMs!: number;
}

@ObjectType('AuditRecordEdge')
export class AuditRecordEdgeModel {
  @Field(() => AuditRecordModel)
  node!: AuditRecordModel;

  @Field()
  cursor!: string;
}

@ObjectType('AuditRecordConnection')
export class AuditRecordConnectionModel {
  @Field(() => [AuditRecordEdgeModel])
  edges!: AuditRecordEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
