import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@nhi/auth';
import { badInput } from '@nhi/graphql';
import { transaction } from '@nhi/persistence';
import { cleanText } from '../owner-data/owner-text';
import { OwnersService } from '../owners/owners.service';
import { OWNERSHIP_CONFIG, OwnershipConfig } from '../ownership-config';
import { DirectorySyncRun } from './directory-sync-run';
import type { DirectorySyncInput } from './dto/directory-sync.input';
import type { DirectorySyncReportModel } from './directory-sync-report.model';

/**
 * Applies the full list of one directory: creates and updates owners, and
 * treats an owner it listed before and omits now, or lists as inactive, as a
 * leaver (its identities go to backup, parent team, or become orphans); a team
 * merged into another hands its identities to that team. Running the same list
 * again changes nothing. A list that would remove more than the configured
 * share of the directory's owners is refused unless forced; a broken entry is
 * reported and its owner left as it was, never taken for a leaver.
 */
@Injectable()
export class DirectorySyncService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OWNERSHIP_CONFIG) private readonly config: OwnershipConfig,
    private readonly owners: OwnersService,
  ) {}

  async sync(input: DirectorySyncInput, actor: Actor, now = new Date()): Promise<DirectorySyncReportModel> {
    const directory = cleanText(input.directory)?.toLowerCase();
    if (!directory) throw badInput('directory is required: name the identity provider this list comes from', 'directory');
    const request = { directory, input, actor, now, maxRemovalShare: this.config.DIRECTORY_SYNC_MAX_REMOVAL_SHARE };
    return transaction(this.dataSource, async (manager) => (await DirectorySyncRun.open(manager, this.owners, request)).apply(), {
      dryRun: input.dryRun,
    });
  }
}
