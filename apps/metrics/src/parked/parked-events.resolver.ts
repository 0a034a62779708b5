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
  @Field()
  topic!: string;

  @Field(() => Int)
  partition!: number;

  @Field()
  offset!: string;

  @Field(() => String, { nullable: true })
  eventType!: string | null;

  @Field()
  error!: string;

  @Field()
  errorType!: string;

  @Field(() => Int)
  attempts!: number;

  @Field()
  failedAt!: Date;
}

@ObjectType('ParkedEvents', { description: 'Also on `<topic>.dlq`, with the failure in its headers, for replay.' })
export class ParkedEventsModel {
  @Field(() => Int)
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

  @Query(() => ParkedEventsModel)
  async parkedEvents(@Args('first', { type: () => Int, nullable: true }) first: number | null): Promise<ParkedEventsModel> {
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
