import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { FindingCategory, Severity } from '@nhi/contracts';
import { FindingCategoryEnum, SeverityEnum } from '@nhi/graphql';
import { FindingCode } from './finding-code';

@ObjectType('Finding', { description: 'A risk on an identity, mapped to the OWASP NHI Top 10.' })
export class FindingModel {
  @Field(() => ID, { description: "The finding's id." })
  id!: string;

  @Field(() => FindingCategoryEnum, { description: 'Its OWASP Non-Human Identities Top 10 (2025) category.' })
  category!: FindingCategory;

  @Field(() => FindingCode, { description: 'The rule that found it.' })
  code!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What within the identity it is about (a credential); null for the identity itself.',
  })
  subject!: string | null;

  @Field(() => [String], { description: 'The data that made the rule fire: dates, permissions and their source, principals.' })
  evidence!: string[];

  @Field(() => SeverityEnum, { description: 'How serious the rule judges it; may change while the finding stays open.' })
  severity!: Severity;

  @Field({ description: 'What the rule found, in words for a reviewer.' })
  detail!: string;

  @Field({ description: 'When it was first found; a refresh of an open finding keeps it.' })
  detectedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it stopped holding; null while open.' })
  closedAt!: Date | null;
}
