import { actorFromContext } from '@nhi/auth';
import { requestLoader, type SubgraphContext } from '@nhi/graphql';
import type { OwnerEntity } from '../owner-data/owner.entity';
import type { ViewerTasksService } from './viewer-tasks.service';

/** The viewer's active owners, read once per request however many viewer fields need them. */
export function viewerOwners(context: SubgraphContext, tasks: ViewerTasksService): Promise<OwnerEntity[]> {
  return requestLoader<string, OwnerEntity[]>(context, 'viewer-owners', async (subjects) => {
    const owners = await tasks.owners(actorFromContext(context).ownerRefs);
    return subjects.map(() => owners);
  }).load(actorFromContext(context).sub);
}
