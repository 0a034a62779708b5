import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import type { AuditOutcome } from '@nhi/contracts';
import { AuditOutcomeEnum } from './audit-record.model';

@InputType('AuditLogFilter', { description: 'Every given condition must hold; a list matches any of its values.' })
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true, description: 'The actor (token subject).' })
  @Allow()
  actor?: string | null;

  @Field(() => [String], { nullable: true, description: 'Mutation field names, or bulkIngest.' })
  @Allow()
  operation?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Names of the services that ran the operation (e.g. inventory, lifecycle).' })
  @Allow()
  service?: string[] | null;

  @Field(() => [AuditOutcomeEnum], { nullable: true, description: 'How the operation ended.' })
  @Allow()
  outcome?: AuditOutcome[] | null;

  @Field(() => ID, { nullable: true, description: 'Records that name this id among their targets.' })
  @Allow()
  targetId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Settled at or after this time.' })
  @Allow()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Settled before this time.' })
  @Allow()
  to?: Date | null;
}
