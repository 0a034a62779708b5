import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RejectedRow')
export class RejectedRowModel {
  @Field(() => Int, { description: 'Position of the row in the batch, from 0.' })
  index!: number;

  @Field(() => String, { nullable: true, description: "The row's externalId, unless that is what looked secret." })
  externalId!: string | null;

  @Field(() => String, { nullable: true, description: "The row's name, unless that is the field at fault or it looked secret." })
  name!: string | null;

  @Field({ description: 'Which field is wrong and what was expected; never the rejected value.' })
  reason!: string;
}

@ObjectType('IngestWarning', { description: 'Something the sender should know about a row or the batch, though nothing was refused.' })
export class IngestWarningModel {
  @Field(() => Int, { nullable: true, description: 'The row it is about, or null for the whole batch.' })
  index!: number | null;

  @Field(() => String, { nullable: true, description: "The row's externalId as stored, unless that is the field warned about." })
  externalId!: string | null;

  @Field(() => String, { nullable: true, description: "The row's name as stored, unless that is the field warned about." })
  name!: string | null;

  @Field({ description: 'Which field and what happened to it; never the value.' })
  message!: string;
}

@ObjectType('IngestReport', { description: 'What an ingest did, or with dryRun would do.' })
export class IngestReportModel {
  @Field()
  source!: string;

  @Field()
  dryRun!: boolean;

  @Field()
  fullSnapshot!: boolean;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int, { description: 'Identities that became STALE after this full snapshot.' })
  stale!: number;

  @Field(() => Int)
  rejectedCount!: number;

  @Field(() => [RejectedRowModel], { description: 'The rejected rows (the first 1000), each with its reason.' })
  rejected!: RejectedRowModel[];

  @Field(() => Int, { description: 'Warnings about rows and about the batch, listed or not.' })
  warningCount!: number;

  @Field(() => [IngestWarningModel], {
    description:
      'What the sender should know though nothing was refused: rows taken with a warning (e.g. an unknown kind, taken as OTHER; ' +
      'the first 1000) and the batch (e.g. what a dry run would refuse).',
  })
  warnings!: IngestWarningModel[];
}
