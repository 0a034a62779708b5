import { Args, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CanAudit } from '@nhi/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { pageSize } from '@nhi/graphql';
import { KeyCountModel } from '../summary/governance-summary.model';

@ObjectType('ParkedEvent', {
  description: 'A message metrics could not apply (not JSON, an unknown type, a schema it does not know, a handler that kept failing).',
})
export class ParkedEventModel {
  @Field({ description: 'The Kafka topic the message was read from.' })
  topic!: string;

  @Field(() => Int, { description: 'The partition of the topic it was read from.' })
  partition!: number;

  @Field({ description: 'Its offset in the partition (a 64-bit number, as a string).' })
  offset!: string;

  @Field(() => String, { nullable: true, description: 'The event type the message named; null when it named none or was not JSON.' })
  eventType!: string | null;

  @Field({ description: 'Why it could not be applied: the error message, cut at 4,000 characters.' })
  error!: string;

  @Field({ description: "The error's class name (e.g. ContractViolationError)." })
  errorType!: string;

  @Field(() => Int, { description: 'How many times metrics tried to apply it before parking it.' })
  attempts!: number;

  @Field({ description: 'When it was parked.' })
  failedAt!: Date;
}

@ObjectType('ParkedEvents', { description: 'Also on `<topic>.dlq`, with the failure in its headers, for replay.' })
export class ParkedEventsModel {
  @Field(() => Int, { description: 'Every event parked so far.' })
  total!: number;

  @Field(() => [KeyCountModel], { description: 'By event type ("unknown" when the message named none).' })
  byType!: KeyCountModel[];

  @Field(() => [ParkedEventModel], { description: 'The newest first.' })
  latest!: ParkedEventModel[];
}

/** Events metrics could not apply are parked, never silently dropped: here they are visible and counted. */
@CanAudit('read parked events')
@Resolver(() => ParkedEventsModel)
export class ParkedEventsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => ParkedEventsModel, {
    description: 'Events metrics could not apply, counted by type, with the latest of them. For auditors and security-admins.',
  })
  async parkedEvents(
    @Args('first', { type: () => Int, nullable: true, description: 'How many of the latest to list: 1 to 500, 50 when null.' })
    first: number | null,
  ): Promise<ParkedEventsModel> {
    const [byType, latest] = await Promise.all([
      this.dataSource.query(
        `SELECT coalesce(event_type, 'unknown') AS key, count(*)::int AS count FROM dead_letters GROUP BY 1 ORDER BY count DESC, key`,
      ),
      this.dataSource.query(
        `SELECT topic, partition, "offset", event_type AS "eventType", error, error_type AS "errorType", attempts, failed_at AS "failedAt"
         FROM dead_letters ORDER BY id DESC LIMIT $1`,
        [pageSize(first)],
      ),
    ]);
    return { total: (byType as KeyCountModel[]).reduce((sum, row) => sum + row.count, 0), byType, latest };
  }
}
