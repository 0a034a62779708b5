import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import type { FindingCategory, IdentityStatus as Status, NhiEnvironment, NhiKind } from '@nhi/contracts';
import { FindingCategoryEnum, IdentityEnvironment, IdentityKind, IdentityStatus } from '@nhi/graphql';

@InputType('IdentityFilter', { description: 'Every given condition must hold; a list matches any of its values.' })
export class IdentityFilterInput {
  @Field(() => [IdentityKind], { nullable: true })
  @Allow()
  kind?: NhiKind[];

  @Field(() => [String], { nullable: true, description: 'Canonical or alias names: "Amazon Web Services" finds aws.' })
  @Allow()
  provider?: string[];

  @Field(() => [IdentityEnvironment], { nullable: true })
  @Allow()
  environment?: NhiEnvironment[];

  @Field(() => [String], { nullable: true })
  @Allow()
  system?: string[];

  @Field(() => [String], { nullable: true })
  @Allow()
  businessUnit?: string[];

  @Field(() => [IdentityStatus], { nullable: true })
  @Allow()
  status?: Status[];

  @Field(() => [FindingCategoryEnum], { nullable: true, description: 'Identities with an open finding in any of these categories.' })
  @Allow()
  findingCategory?: FindingCategory[];

  @Field(() => String, { nullable: true, description: 'Case-insensitive text in the name.' })
  @Allow()
  nameContains?: string;

  @Field(() => String, { nullable: true, description: 'Identities reported by this source.' })
  @Allow()
  source?: string;
}

export enum IdentityOrderField {
  NAME = 'NAME',
  FIRST_SEEN_AT = 'FIRST_SEEN_AT',
  LAST_SEEN_AT = 'LAST_SEEN_AT',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(IdentityOrderField, { name: 'IdentityOrderField' });
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@InputType('IdentityOrder')
export class IdentityOrderInput {
  @Field(() => IdentityOrderField, { defaultValue: IdentityOrderField.NAME })
  @Allow()
  field!: IdentityOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  @Allow()
  direction!: OrderDirection;
}
