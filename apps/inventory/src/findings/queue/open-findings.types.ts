import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import type { FindingCategory, Severity } from '@nhi/contracts';
import { FindingCategoryEnum, orderInputType, PageInfoModel, SeverityEnum } from '@nhi/graphql';
import { FindingModel } from '../finding.model';

@InputType('OpenFindingsFilter', {
  description: 'Narrows the queue of open findings; fields combine with AND, and an empty filter is the whole estate.',
})
export class OpenFindingsFilterInput {
  @Field(() => String, {
    nullable: true,
    description: "Only findings on identities of this business unit (the identity's businessUnit, exactly).",
  })
  @Allow()
  businessUnit?: string | null;

  @Field(() => [FindingCategoryEnum], { nullable: true, description: 'Only these OWASP NHI categories; null or empty for all.' })
  @Allow()
  categories?: FindingCategory[] | null;

  @Field(() => SeverityEnum, { nullable: true, description: 'Only findings at least this severe (HIGH keeps HIGH and CRITICAL).' })
  @Allow()
  minSeverity?: Severity | null;
}

export enum FindingOrderField {
  SEVERITY = 'SEVERITY',
  DETECTED_AT = 'DETECTED_AT',
}

registerEnumType(FindingOrderField, {
  name: 'FindingOrderField',
  description: 'What openFindings sorts by.',
  valuesMap: {
    SEVERITY: { description: 'The severity, LOW to CRITICAL; findings of one severity by when they were detected, in the same direction.' },
    DETECTED_AT: { description: 'When the finding was detected.' },
  },
});

@InputType('FindingOrder', {
  description: 'How openFindings sorts: by the field in the direction (ASC unless given); ties go by id in the same direction.',
})
export class FindingOrderInput extends orderInputType<FindingOrderField>(FindingOrderField) {}

/** A finding with the identity it is on, for the queue's rows. */
export type QueuedFinding = FindingModel & { identityId: string };

@ObjectType('FindingEdge', { description: 'One open finding in the queue and the cursor to continue after it.' })
export class FindingEdgeModel {
  @Field(() => FindingModel, { description: 'The finding.' })
  node!: QueuedFinding;

  @Field({ description: 'Pass as `after` to get the findings that follow this one.' })
  cursor!: string;
}

@ObjectType('FindingConnection', { description: 'A page of open findings, most severe first, then newest.' })
export class FindingConnectionModel {
  @Field(() => [FindingEdgeModel], { description: 'The findings of this page.' })
  edges!: FindingEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to fetch them.' })
  pageInfo!: PageInfoModel;

  /** Counts the whole queue; run only when totalCount is asked for. */
  count!: () => Promise<number>;
}
