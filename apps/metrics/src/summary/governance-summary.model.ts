import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('KeyCount')
export class KeyCountModel {
  @Field()
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('GovernanceSummary', { description: 'Headline numbers of the estate, from metrics’ own read models.' })
export class GovernanceSummaryModel {
  @Field(() => Int)
  totalIdentities!: number;

  @Field(() => [KeyCountModel])
  byKind!: KeyCountModel[];

  @Field(() => [KeyCountModel])
  byEnvironment!: KeyCountModel[];

  @Field(() => [KeyCountModel])
  byProvider!: KeyCountModel[];

  @Field({ description: 'The time of the newest event the numbers include.' })
  asOf!: Date;
}
