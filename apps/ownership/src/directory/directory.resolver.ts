import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { DirectorySyncInput } from './dto/directory-sync.input';
import { DirectorySyncReportModel } from './directory-sync-report.model';
import { DirectorySyncService } from './directory-sync.service';

@SecurityAdminOnly('sync the directory')
@Resolver(() => DirectorySyncReportModel)
export class DirectoryResolver {
  constructor(private readonly directory: DirectorySyncService) {}

  @Mutation(() => DirectorySyncReportModel, {
    description:
      'Applies the full list of people and teams from one directory: leavers and merged teams hand over or orphan their identities. ' +
      'Idempotent; refuses to remove more than DIRECTORY_SYNC_MAX_REMOVAL_SHARE of the owners unless forced.',
    deprecationReason: 'Use directorySync(input:).',
  })
  syncDirectory(
    @Args('input', { description: 'The directory and its full list of people and teams.' }) input: DirectorySyncInput,
    @CurrentActor() actor: Actor,
  ): Promise<DirectorySyncReportModel> {
    return this.directory.sync(input, actor);
  }
}
