import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import type { TimelineKind } from './timeline-entries';

export const TimelineKindEnum: { [K in TimelineKind]: K } = {
  INVENTORY: 'INVENTORY',
  FINDING: 'FINDING',
  OWNERSHIP: 'OWNERSHIP',
  ROTATION: 'ROTATION',
  REVOCATION: 'REVOCATION',
  EXCEPTION: 'EXCEPTION',
};

registerEnumType(TimelineKindEnum, {
  name: 'TimelineEntryKind',
  description: 'Which part of an identity’s life a timeline entry is about.',
  valuesMap: {
    INVENTORY: { description: 'Discovered, updated, gone stale or decommissioned (inventory).' },
    FINDING: { description: 'A risk finding opened or closed, with its OWASP NHI category (inventory).' },
    OWNERSHIP: { description: 'An owner assigned or unassigned, the identity orphaned, or its ownership attested (ownership).' },
    ROTATION: { description: 'A rotation due, requested, failed or done, or the credential expired (lifecycle).' },
    REVOCATION: { description: 'A revocation requested or done (lifecycle).' },
    EXCEPTION: { description: 'A policy exception requested, approved, rejected, expired or revoked (exceptions).' },
  },
});

@ObjectType('IdentityTimelineEntry', { description: 'One thing that happened to an identity, as the event that told it.' })
export class TimelineEntryModel {
  @Field(() => Date, { description: 'When it happened, as its event gives it.' })
  at!: Date;

  @Field(() => TimelineKindEnum, { description: 'Which part of the identity’s life it is about.' })
  kind!: TimelineKind;

  @Field({ description: 'The event type, such as nhi.credential.rotated (docs: libs/contracts/asyncapi.json).' })
  eventType!: string;

  @Field({ description: 'What happened, in a line: built from the event’s enumerated fields, never from free text a person wrote.' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Who did it, when the event names someone: a user’s subject or a service.' })
  actor!: string | null;
}

@ObjectType('IdentityTimelineEdge', { description: 'One timeline entry and the cursor to continue after it.' })
export class TimelineEdgeModel {
  @Field(() => TimelineEntryModel, { description: 'The entry.' })
  node!: TimelineEntryModel;

  @Field({ description: 'Pass as `after` to get the older entries that follow this one.' })
  cursor!: string;
}

@ObjectType('IdentityTimelineConnection', { description: "A page of an identity's timeline, newest first." })
export class TimelineConnectionModel {
  @Field(() => [TimelineEdgeModel], { description: 'The entries of this page.' })
  edges!: TimelineEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to fetch them.' })
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'How many entries the timeline holds (of the kinds asked for).' })
  totalCount!: number;
}
