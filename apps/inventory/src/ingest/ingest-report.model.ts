import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RejectedRow', { description: 'A row the ingest refused, and why.' })
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
  @Field({ description: 'The discovery source, by its canonical name.' })
  source!: string;

  @Field({ description: 'True when nothing was written: the counts say what the ingest would do.' })
  dryRun!: boolean;

  @Field({ description: 'Whether the batch was taken as a full snapshot of the source.' })
  fullSnapshot!: boolean;

  @Field(() => Int, { description: 'Rows received, rejected ones included.' })
  received!: number;

  @Field(() => Int, { description: 'Identities not known before.' })
  created!: number;

  @Field(() => Int, { description: 'Known identities that the rows changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Known identities that the rows left as they were (their sighting is still recorded).' })
  unchanged!: number;

  @Field(() => Int, { description: 'Identities that became STALE after this full snapshot.' })
  stale!: number;

  @Field(() => Int, { description: 'Rows refused, all of them (rejected lists the first 1000).' })
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
