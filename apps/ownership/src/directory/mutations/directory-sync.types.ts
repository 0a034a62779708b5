import { Field, ObjectType } from '@nestjs/graphql';
import { MutationPayload } from '@nhi/graphql';
import { DirectorySyncReportModel } from '../directory-sync-report.model';

@ObjectType('DirectorySyncPayload', { description: 'The outcome of directorySync.' })
export class DirectorySyncPayload extends MutationPayload {
  @Field(() => DirectorySyncReportModel, {
    nullable: true,
    description:
      'What the sync changed (or would change, on a dry run), with the entries it rejected. Null when the whole list was refused.',
  })
  directorySyncReport!: DirectorySyncReportModel | null;
}
