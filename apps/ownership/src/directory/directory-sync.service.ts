import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GraphQLError } from 'graphql';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '@nhi/auth';
import { timeOrderedUuid } from '@nhi/contracts';
import { badInput } from '@nhi/graphql';
import { OwnerEntity } from '../owners/owner.entity';
import { cleanEmail, cleanText, isEmail } from '../owners/owner-text';
import { DeactivationResult, OwnersService } from '../owners/owners.service';
import { OWNERSHIP_CONFIG, OwnershipConfig } from '../ownership-config';
import type { DirectoryEntryInput, DirectorySyncInput } from './dto/directory-sync.input';
import type { DirectorySyncReportModel } from './directory-sync-report.model';

class EntryError extends Error {}

/** Rolls a dry run back after it has done (and counted) everything. */
class DryRunDone extends Error {
  constructor(readonly report: DirectorySyncReportModel) {
    super('dry run');
  }
}

interface Entry {
  index: number;
  input: DirectoryEntryInput;
  externalRef: string;
  name: string;
  email: string | null;
  businessUnit: string | null;
}

const fields = (o: OwnerEntity) => JSON.stringify([o.kind, o.name, o.email, o.businessUnit, o.parentId, o.directory]);

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
    try {
      return await this.dataSource.transaction(async (manager) => {
        const report = await this.apply(manager, directory, input, actor, now);
        if (input.dryRun) throw new DryRunDone(report);
        return report;
      });
    } catch (error) {
      if (error instanceof DryRunDone) return error.report;
      throw error;
    }
  }

  private async apply(
    manager: EntityManager,
    directory: string,
    input: DirectorySyncInput,
    actor: Actor,
    now: Date,
  ): Promise<DirectorySyncReportModel> {
    const report: DirectorySyncReportModel = {
      directory,
      dryRun: input.dryRun,
      created: 0,
      updated: 0,
      unchanged: 0,
      reactivated: 0,
      deactivated: 0,
      merged: 0,
      identitiesMoved: 0,
      identitiesOrphaned: 0,
      rejected: [],
    };
    const repo = manager.getRepository(OwnerEntity);
    // Whoever this directory listed before, locked so two syncs of one directory apply one after the other.
    const known = await repo.find({ where: { directory }, lock: { mode: 'pessimistic_write' } });
    const listedRefs = new Set(input.entries.map((e) => cleanText(e.externalRef)).filter((ref): ref is string => Boolean(ref)));
    const entries = this.validEntries(input.entries, report);
    // Entries not applied at all; one whose parent could not be set is applied otherwise, and reported.
    const skipped = new Set<number>();

    const byRef = new Map((await repo.find({ where: { externalRef: In([...listedRefs]) } })).map((o) => [o.externalRef, o]));
    const leavers = known.filter((o) => o.active && !listedRefs.has(o.externalRef));
    const listedLeaving = entries.filter((e) => {
      const owner = byRef.get(e.externalRef);
      return owner?.active && owner.directory === directory && (!e.input.active || e.input.mergedInto);
    });
    this.guardRemovalShare(directory, known.filter((o) => o.active).length, leavers.length + listedLeaving.length, input.force);

    // Owners first, then the hierarchy (a parent may come later in the list), then who leaves.
    const before = new Map<string, string>();
    for (const entry of entries) {
      if (!(await this.upsert(manager, entry, directory, byRef, before, report, now))) skipped.add(entry.index);
    }
    for (const entry of entries) if (!skipped.has(entry.index)) await this.placeInHierarchy(manager, entry, byRef, report);
    for (const entry of entries) {
      const owner = byRef.get(entry.externalRef);
      if (!owner || skipped.has(entry.index)) continue;
      const changed = before.get(owner.id) !== fields(owner);
      if (before.get(owner.id) === undefined) report.created += 1;
      else if (changed) report.updated += 1;
      else report.unchanged += 1;
      if (changed) await repo.save(Object.assign(owner, { updatedAt: now }));
      if (entry.input.active && !entry.input.mergedInto && !owner.active) {
        Object.assign(owner, { active: true, deactivatedAt: null, deactivationReason: null, mergedIntoId: null, updatedAt: now });
        await repo.save(owner);
        report.reactivated += 1;
      }
    }
    for (const entry of entries) {
      const owner = byRef.get(entry.externalRef);
      if (!owner?.active || !entry.input.mergedInto || skipped.has(entry.index)) continue;
      const target =
        byRef.get(cleanText(entry.input.mergedInto) ?? '') ??
        (await repo.findOne({ where: { externalRef: cleanText(entry.input.mergedInto) ?? '' } }));
      if (!target?.active || target.kind !== 'TEAM' || target.id === owner.id) {
        report.rejected.push({
          index: entry.index,
          externalRef: entry.externalRef,
          reason: `mergedInto ${entry.input.mergedInto} is not an active team; the team was kept`,
        });
        skipped.add(entry.index);
        continue;
      }
      this.count(
        report,
        await this.owners.deactivateIn(manager, owner, `merged into ${target.name} (${directory})`, actor, now, 'TEAM_MERGED', target),
      );
      report.merged += 1;
    }
    for (const entry of entries) {
      const owner = byRef.get(entry.externalRef);
      if (owner?.active && !entry.input.active && !skipped.has(entry.index)) {
        this.count(report, await this.owners.deactivateIn(manager, owner, `inactive in ${directory}`, actor, now));
        report.deactivated += 1;
      }
    }
    for (const owner of leavers) {
      this.count(report, await this.owners.deactivateIn(manager, owner, `no longer listed by ${directory}`, actor, now));
      report.deactivated += 1;
    }
    return report;
  }

  private count(report: DirectorySyncReportModel, result: DeactivationResult): void {
    report.identitiesMoved += result.moved;
    report.identitiesOrphaned += result.orphaned;
  }

  /** Checks each entry on its own; a broken or repeated one is reported and skipped. */
  private validEntries(inputs: readonly DirectoryEntryInput[], report: DirectorySyncReportModel): Entry[] {
    const seen = new Set<string>();
    const entries: Entry[] = [];
    inputs.forEach((input, index) => {
      const externalRef = cleanText(input.externalRef);
      try {
        if (!externalRef) throw new EntryError('externalRef is required');
        if (externalRef.length > 200) throw new EntryError('externalRef is longer than 200 characters');
        if (seen.has(externalRef)) throw new EntryError(`externalRef ${externalRef} is listed twice; the first entry was applied`);
        const name = cleanText(input.name);
        if (!name) throw new EntryError('name is required');
        const email = cleanEmail(input.email);
        if (email && !isEmail(email)) throw new EntryError(`email "${email}" is not an e-mail address`);
        if (input.mergedInto && input.kind !== 'TEAM') throw new EntryError('only a team can be merged into another');
        if (cleanText(input.mergedInto) === externalRef) throw new EntryError('a team cannot be merged into itself');
        seen.add(externalRef);
        entries.push({ index, input, externalRef, name, email, businessUnit: cleanText(input.businessUnit) });
      } catch (error) {
        if (!(error instanceof EntryError)) throw error;
        report.rejected.push({ index, externalRef, reason: error.message });
      }
    });
    return entries;
  }

  private guardRemovalShare(directory: string, active: number, leaving: number, force: boolean): void {
    const share = active === 0 ? 0 : leaving / active;
    if (force || share <= this.config.DIRECTORY_SYNC_MAX_REMOVAL_SHARE) return;
    throw new GraphQLError(
      `this sync would deactivate ${leaving} of the ${active} active owners from ${directory} (${Math.round(share * 100)}%), ` +
        `more than DIRECTORY_SYNC_MAX_REMOVAL_SHARE (${Math.round(this.config.DIRECTORY_SYNC_MAX_REMOVAL_SHARE * 100)}%). ` +
        'Nothing was changed: check that the list is complete, or pass force: true',
      { extensions: { code: 'BAD_USER_INPUT', field: 'entries' } },
    );
  }

  private async upsert(
    manager: EntityManager,
    entry: Entry,
    directory: string,
    byRef: Map<string, OwnerEntity>,
    before: Map<string, string>,
    report: DirectorySyncReportModel,
    now: Date,
  ): Promise<boolean> {
    const repo = manager.getRepository(OwnerEntity);
    const existing = byRef.get(entry.externalRef);
    if (existing && existing.kind !== entry.input.kind) {
      report.rejected.push({
        index: entry.index,
        externalRef: entry.externalRef,
        reason: `is a ${existing.kind}; its kind cannot change to ${entry.input.kind}`,
      });
      return false;
    }
    if (existing) before.set(existing.id, fields(existing));
    const owner =
      existing ??
      repo.create({
        id: timeOrderedUuid(),
        externalRef: entry.externalRef,
        active: true,
        deactivatedAt: null,
        deactivationReason: null,
        mergedIntoId: null,
        parentId: null,
      });
    Object.assign(owner, {
      kind: entry.input.kind,
      name: entry.name,
      email: entry.email,
      businessUnit: entry.businessUnit,
      directory,
      updatedAt: existing?.updatedAt ?? now,
    });
    await repo.save(owner);
    byRef.set(entry.externalRef, owner);
    return true;
  }

  private async placeInHierarchy(
    manager: EntityManager,
    entry: Entry,
    byRef: Map<string, OwnerEntity>,
    report: DirectorySyncReportModel,
  ): Promise<void> {
    const owner = byRef.get(entry.externalRef);
    if (!owner) return;
    const parentRef = cleanText(entry.input.parentRef);
    try {
      owner.parentId = parentRef ? (await this.owners.parentFor(manager, parentRef, owner)).id : null;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      report.rejected.push({
        index: entry.index,
        externalRef: entry.externalRef,
        reason: `${error.message}; the rest of the entry was applied, its team left as it was`,
      });
    }
  }
}
