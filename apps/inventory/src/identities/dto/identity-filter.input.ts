import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import type { FindingCategory, IdentityStatus as Status, NhiEnvironment, NhiKind, PrivilegeLevel, Severity } from '@nhi/contracts';
import {
  FindingCategoryEnum,
  IdentityEnvironment,
  IdentityKind,
  IdentityPrivilegeLevel,
  IdentityStatus,
  orderInputType,
  SeverityEnum,
  TagFilterInput,
} from '@nhi/graphql';

@InputType('IdentityFilter', { description: 'Every given condition must hold; a list matches any of its values.' })
export class IdentityFilterInput {
  @Field(() => [IdentityKind], { nullable: true, description: 'Identities of any of these kinds.' })
  @Allow()
  kind?: NhiKind[];

  @Field(() => [String], { nullable: true, description: 'Canonical or alias names: "Amazon Web Services" finds aws.' })
  @Allow()
  provider?: string[];

  @Field(() => [IdentityEnvironment], { nullable: true, description: 'Identities in any of these environments.' })
  @Allow()
  environment?: NhiEnvironment[];

  @Field(() => [String], { nullable: true, description: 'Identities of any of these systems (exact match).' })
  @Allow()
  system?: string[];

  @Field(() => [String], { nullable: true, description: 'Identities in any of these business units (exact match).' })
  @Allow()
  businessUnit?: string[];

  @Field(() => [IdentityStatus], { nullable: true, description: 'Identities in any of these statuses.' })
  @Allow()
  status?: Status[];

  @Field(() => [IdentityPrivilegeLevel], { nullable: true, description: 'Identities with any of these privilege levels.' })
  @Allow()
  privilegeLevel?: PrivilegeLevel[];

  @Field(() => [TagFilterInput], { nullable: true, description: 'Identities carrying every one of these tags.' })
  @Allow()
  tags?: TagFilterInput[];

  @Field(() => Date, {
    nullable: true,
    description: 'Identities that expire at or after this time (those that never expire are left out).',
  })
  @Allow()
  expiresAfter?: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'Identities that expire before this time (those that never expire are left out).',
  })
  @Allow()
  expiresBefore?: Date;

  @Field(() => [FindingCategoryEnum], { nullable: true, description: 'Identities with an open finding in any of these categories.' })
  @Allow()
  findingCategory?: FindingCategory[];

  @Field(() => SeverityEnum, {
    nullable: true,
    description: 'Identities with an open finding of this severity or higher (in findingCategory, when that is given).',
  })
  @Allow()
  minFindingSeverity?: Severity;

  @Field(() => String, { nullable: true, description: 'Case-insensitive text in the name.' })
  @Allow()
  nameContains?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Words that must each occur, case-insensitively, in the name, the externalId or a tag ("key=value"). Ownership and lifecycle attributes, and fast search with facets at scale, are on identitySearch.',
  })
  @Allow()
  search?: string;

  @Field(() => String, { nullable: true, description: 'Identities reported by this source.' })
  @Allow()
  source?: string;
}

export enum IdentityOrderField {
  NAME = 'NAME',
  FIRST_SEEN_AT = 'FIRST_SEEN_AT',
  LAST_SEEN_AT = 'LAST_SEEN_AT',
}

registerEnumType(IdentityOrderField, {
  name: 'IdentityOrderField',
  description: 'What identities are sorted by.',
  valuesMap: {
    NAME: { description: 'The name, case-insensitive.' },
    FIRST_SEEN_AT: { description: 'When a source first reported it.' },
    LAST_SEEN_AT: { description: 'When a source last reported it.' },
  },
});

@InputType('IdentityOrder', { description: 'How to sort identities; ties go by id in the same direction.' })
export class IdentityOrderInput extends orderInputType<IdentityOrderField>(IdentityOrderField, IdentityOrderField.NAME) {}
