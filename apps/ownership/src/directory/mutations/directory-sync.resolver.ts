import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { mutationPayload } from '@nhi/graphql';
import { DirectorySyncService } from '../directory-sync.service';
import { DirectorySyncInput } from '../dto/directory-sync.input';
import { DirectorySyncPayload } from './directory-sync.types';

/** The payload form of the directory sync (issue 22): a refused list comes back as userErrors. */
@SecurityAdminOnly('sync the directory')
@Resolver()
export class DirectorySyncResolver {
  constructor(private readonly directory: DirectorySyncService) {}

  @Mutation(() => DirectorySyncPayload, {
    nullable: true,
    description:
      'Applies the full list of people and teams from one directory: leavers and merged teams hand over or orphan their identities. ' +
      'Naturally idempotent, so it takes no idempotencyKey: sending the same list again changes nothing. A list that would remove more than ' +
      'DIRECTORY_SYNC_MAX_REMOVAL_SHARE of the owners is refused (INVALID on ["entries"]) unless force is true; a broken entry is listed in rejected.',
  })
  directorySync(
    @Args('input', { description: 'The full list of one directory, and whether to force or only try it.' }) input: DirectorySyncInput,
    @CurrentActor() actor: Actor,
  ): Promise<DirectorySyncPayload> {
    return mutationPayload(input, async () => ({
      directorySyncReport: await this.directory.sync(input, actor),
    })) as Promise<DirectorySyncPayload>;
  }
}
