import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DirectoryEntryRejection')
export class DirectoryEntryRejectionModel {
  @Field(() => Int, { description: 'Position of the entry in the list, from 0.' })
  index!: number;

  @Field(() => String, { nullable: true })
  externalRef!: string | null;

  @Field()
  reason!: string;
}

@ObjectType('DirectorySyncReport', { description: 'What a directory sync changed (or would change, on a dry run).' })
export class DirectorySyncReportModel {
  @Field()
  directory!: string;

  @Field()
  dryRun!: boolean;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  reactivated!: number;

  @Field(() => Int, { description: 'Owners that left: missing from the list, or listed as inactive.' })
  deactivated!: number;

  @Field(() => Int, { description: 'Teams merged into another.' })
  merged!: number;

  @Field(() => Int, { description: 'Identities that went to a backup owner, the parent team or the team that absorbed theirs.' })
  identitiesMoved!: number;

  @Field(() => Int, { description: 'Identities nobody took (OWASP NHI1).' })
  identitiesOrphaned!: number;

  @Field(() => [DirectoryEntryRejectionModel], { description: 'Entries that were not applied; their owners were left as they were.' })
  rejected!: DirectoryEntryRejectionModel[];
}
