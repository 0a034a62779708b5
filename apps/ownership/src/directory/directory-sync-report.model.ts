import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DirectoryEntryRejection', { description: 'An entry of the list that was not applied, and why.' })
export class DirectoryEntryRejectionModel {
  @Field(() => Int, { description: 'Position of the entry in the list, from 0.' })
  index!: number;

  @Field(() => String, { nullable: true, description: "The entry's externalRef, when it had one." })
  externalRef!: string | null;

  @Field({ description: 'What was wrong with it; its owner was left as it was.' })
  reason!: string;
}

@ObjectType('DirectorySyncReport', { description: 'What a directory sync changed (or would change, on a dry run).' })
export class DirectorySyncReportModel {
  @Field({ description: 'The directory synced, lower-cased.' })
  directory!: string;

  @Field({ description: 'True when nothing was changed: the counts say what the sync would do.' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Owners created from the list.' })
  created!: number;

  @Field(() => Int, { description: 'Owners already known whose listed details changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Owners listed exactly as they already were.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Owners that had left and are listed as active again.' })
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
