import { Args, Int, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CanRead } from '@nhi/auth';
import { badInput, decodeCursor, encodeCursor, pageOf, pageSize } from '@nhi/graphql';
import { IdentityReferenceModel } from '../identity/identity-reference.model';
import type { TimelineKind } from './timeline-entries';
import { TimelineConnectionModel, TimelineKindEnum } from './timeline.types';

interface EntryRow {
  source: string;
  event_id: string;
  at: Date;
  kind: TimelineKind;
  event_type: string;
  summary: string;
  actor: string | null;
}

const BAD_CURSOR = 'after is not a cursor this API issued; pass pageInfo.endCursor from the previous page';

/**
 * NonHumanIdentity.timeline: inventory changes, findings, ownership changes,
 * rotations, revocations and exceptions in one list, newest first, from the
 * events metrics follows (identity_timeline). Keyset-paged on (at, source, event id).
 */
@CanRead()
@Resolver(() => IdentityReferenceModel)
export class TimelineResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): IdentityReferenceModel {
    return { id: reference.id };
  }

  @ResolveField(() => TimelineConnectionModel, {
    description:
      'What happened to the identity across the platform, newest first: inventory changes, findings, ownership changes, rotations, revocations and exceptions, as metrics received their events (within seconds of them). Null, with a located error, when metrics cannot answer.',
    nullable: true,
  })
  async timeline(
    @Parent() identity: IdentityReferenceModel,
    @Args('first', { type: () => Int, nullable: true, description: 'How many entries per page: 1 to 500, 50 by default.' })
    first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
    @Args('kinds', { type: () => [TimelineKindEnum], nullable: true, description: 'Only entries of these kinds; null or empty for all.' })
    kinds?: TimelineKind[] | null,
  ): Promise<TimelineConnectionModel> {
    const size = pageSize(first);
    const position = after ? positionOf(after) : null;
    const kindList = kinds && kinds.length > 0 ? kinds : null;
    const rows: EntryRow[] = await this.dataSource.query(
      `SELECT source, event_id, at, kind, event_type, summary, actor FROM identity_timeline
       WHERE identity_id = $1 AND ($2::text[] IS NULL OR kind = ANY($2))
         AND ($3::timestamptz IS NULL OR (at, source, event_id) < ($3, $4, $5))
       ORDER BY at DESC, source DESC, event_id DESC LIMIT ${size + 1}`,
      [identity.id, kindList, position?.at ?? null, position?.source ?? null, position?.eventId ?? null],
    );
    const [{ count }] = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM identity_timeline WHERE identity_id = $1 AND ($2::text[] IS NULL OR kind = ANY($2))',
      [identity.id, kindList],
    );
    const page = pageOf(rows, size, after, (row) => encodeCursor(row.at.toISOString(), JSON.stringify([row.source, row.event_id])));
    return {
      edges: page.edges.map(({ node, cursor }) => ({
        cursor,
        node: { at: node.at, kind: node.kind, eventType: node.event_type, summary: node.summary, actor: node.actor },
      })),
      pageInfo: page.pageInfo,
      totalCount: count,
    };
  }
}

function positionOf(after: string): { at: string; source: string; eventId: string } {
  const { sortKey, id } = decodeCursor(after);
  try {
    const [source, eventId] = JSON.parse(id) as unknown[];
    if (typeof sortKey === 'string' && !Number.isNaN(Date.parse(sortKey)) && typeof source === 'string' && typeof eventId === 'string') {
      return { at: sortKey, source, eventId };
    }
  } catch {
    // reported below
  }
  throw badInput(BAD_CURSOR, 'after');
}
