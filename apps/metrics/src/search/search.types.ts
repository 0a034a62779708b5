import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import {
  FindingCategoryEnum,
  IdentityEnvironment,
  IdentityKind,
  IdentityPrivilegeLevel,
  LifecycleState,
  OwnershipStatus,
  PageInfoModel,
  SeverityEnum,
  TagFilterInput,
} from '@nhi/graphql';
import { IdentityReferenceModel } from '../identity/identity-reference.model';

const list = (what: string) => ({ nullable: true, description: `Only identities ${what}; null or empty for all.` });

@InputType('IdentitySearchFilter', {
  description:
    'Narrows identitySearch and identityFacets across inventory, ownership and lifecycle; fields combine with AND, the values of a list with OR. Decommissioned identities are never included.',
})
export class IdentitySearchFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Words that must each occur, case-insensitively, in the name, the externalId, or a tag ("key=value").',
  })
  @Allow()
  search?: string | null;

  @Field(() => [IdentityKind], list('of these kinds'))
  @Allow()
  kind?: string[] | null;

  @Field(() => [String], list('of these providers (canonical names, as Identity.provider gives them)'))
  @Allow()
  provider?: string[] | null;

  @Field(() => [IdentityEnvironment], list('in these environments'))
  @Allow()
  environment?: string[] | null;

  @Field(() => [String], list('of these business units (exact names)'))
  @Allow()
  businessUnit?: string[] | null;

  @Field(() => [IdentityPrivilegeLevel], list('with these privilege levels'))
  @Allow()
  privilegeLevel?: string[] | null;

  @Field(() => [OwnershipStatus], list('with these ownership statuses'))
  @Allow()
  ownershipStatus?: string[] | null;

  @Field(() => [ID], list('whose accountable owner is one of these (the owner itself, not its sub-teams)'))
  @Allow()
  ownerId?: string[] | null;

  @Field(() => [LifecycleState], list('whose credential is in one of these lifecycle states'))
  @Allow()
  lifecycleState?: string[] | null;

  @Field(() => [TagFilterInput], list('carrying every one of these tags'))
  @Allow()
  tags?: TagFilterInput[] | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Only identities that expire at or after this time (those that never expire are left out).',
  })
  @Allow()
  expiresAfter?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Only identities that expire before this time (those that never expire are left out).',
  })
  @Allow()
  expiresBefore?: Date | null;

  @Field(() => [FindingCategoryEnum], list('with an open finding in one of these OWASP NHI categories'))
  @Allow()
  findingCategory?: string[] | null;

  @Field(() => SeverityEnum, {
    nullable: true,
    description: 'Only identities with an open finding of this severity or higher (in findingCategory, when that is given).',
  })
  @Allow()
  minFindingSeverity?: string | null;
}

@ObjectType('FacetCount', { description: 'How many of the matching identities have one value of an attribute.' })
export class FacetCountModel {
  @Field(() => String, {
    nullable: true,
    description: "The value, as the attribute's own field gives it (an enum value's name); null: the attribute is not known.",
  })
  value!: string | null;

  @Field(() => Int, { description: 'How many matching identities have it.' })
  count!: number;
}

const facet = (what: string) => ({ description: `Matching identities per ${what}, most first.` });

@ObjectType('IdentityFacets', {
  description:
    'Counts of the identities a filter matches, per value of each attribute a portal offers as a facet: the same filter, all of them.',
})
export class IdentityFacetsModel {
  @Field(() => [FacetCountModel], facet('kind'))
  kind!: FacetCountModel[];

  @Field(() => [FacetCountModel], facet('provider'))
  provider!: FacetCountModel[];

  @Field(() => [FacetCountModel], facet('environment'))
  environment!: FacetCountModel[];

  @Field(() => [FacetCountModel], facet('business unit'))
  businessUnit!: FacetCountModel[];

  @Field(() => [FacetCountModel], facet('privilege level'))
  privilegeLevel!: FacetCountModel[];

  @Field(() => [FacetCountModel], facet('ownership status'))
  ownershipStatus!: FacetCountModel[];

  @Field(() => [FacetCountModel], facet('lifecycle state'))
  lifecycleState!: FacetCountModel[];

  @Field(() => [FacetCountModel], facet('OWASP NHI category of an open finding (an identity counts once in each of its categories)'))
  findingCategory!: FacetCountModel[];
}

@ObjectType('IdentitySearchEdge', { description: 'One matching identity and the cursor to continue after it.' })
export class IdentitySearchEdgeModel {
  @Field(() => IdentityReferenceModel, {
    nullable: true,
    description: 'The identity; null, with a located error, when inventory cannot answer for it.',
  })
  node!: IdentityReferenceModel;

  @Field({ description: 'Pass as `after` to get the identities that follow this one.' })
  cursor!: string;
}

@ObjectType('IdentitySearchConnection', {
  description:
    'A page of the identities a filter matches, in the orderBy asked for, with how many match in all and the facets of the same filter.',
})
export class IdentitySearchConnectionModel {
  @Field(() => [IdentitySearchEdgeModel], { description: 'The identities of this page.' })
  edges!: IdentitySearchEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to fetch them.' })
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'How many identities the filter matches, on every page.' })
  totalCount!: number;

  @Field(() => IdentityFacetsModel, { description: 'The facets of the same filter: counted only when asked for.' })
  facets!: IdentityFacetsModel;
}
